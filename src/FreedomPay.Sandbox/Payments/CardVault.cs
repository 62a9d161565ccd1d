using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using FreedomPay.Sandbox.Gateway;

namespace FreedomPay.Sandbox.Payments
{
    /// <summary>A card saved for a merchant's user: what List shows and what card/init and reg2reg charge or pay to.</summary>
    internal sealed class SavedCard(long cardId, string token, string merchantId, string userId, TestCard card, DateTimeOffset createdAt)
    {
        public long CardId { get; } = cardId;

        /// <summary>Unguessable: the token is what the merchant pays with.</summary>
        public string Token { get; } = token;

        public string MerchantId { get; } = merchantId;

        public string UserId { get; } = userId;

        /// <summary>The test card behind it: whether charges and payouts go through.</summary>
        public TestCard Card { get; } = card;

        /// <summary>As the card-storage replies write it: 4405-64XX-XXXX-6150.</summary>
        public string MaskedPan => Mask(Card.Number);

        /// <summary>A card number as the card-storage and payout replies write it: 4405-64XX-XXXX-6150.</summary>
        public static string Mask(string number) => number.Substring(0, 4) + "-" + number.Substring(4, 2) + "XX-XXXX-" + number.Substring(number.Length - 4);

        /// <summary>The expiry typed on the save-card page, MM/YY.</summary>
        public string Expiry { get; set; } = "12/30";

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public DateTimeOffset? RemovedAt { get; set; }
    }

    /// <summary>A card-saving session of cardstorage/add: the page where the buyer enters the card, and its outcome.</summary>
    internal sealed class CardBinding(long id, string merchantId, string userId, string? orderId, string backLink, string? postLink, DateTimeOffset createdAt)
    {
        public long Id { get; } = id;

        /// <summary>The unguessable key in the page's address.</summary>
        public string PageKey { get; } = RandomNumberGenerator.GetHexString(32, lowercase: true);

        public string MerchantId { get; } = merchantId;

        public string UserId { get; } = userId;

        public string? OrderId { get; } = orderId;

        public string BackLink { get; } = backLink;

        public string? PostLink { get; } = postLink;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        /// <summary>The card saved by this session; null while the page waits.</summary>
        public SavedCard? Saved { get; set; }

        public bool IsFinished => Saved is not null;

        public string PagePath => "pay/save-card/" + PageKey;
    }

    /// <summary>
    /// Saved cards and card-saving sessions, in memory and bounded like the payments (the oldest are forgotten).
    /// Callers hold the <see cref="PaymentBook"/>'s lock: a saved card is charged under the same lock as its payment.
    /// </summary>
    internal sealed class CardVault(int maxEntries)
    {
        private readonly List<SavedCard> _cards = new List<SavedCard>();
        private readonly Dictionary<string, CardBinding> _bindings = new Dictionary<string, CardBinding>(StringComparer.Ordinal);
        private readonly Queue<string> _bindingsByAge = new Queue<string>();
        private long _nextCardId = 2_000_001;

        public CardBinding StartBinding(long id, string merchantId, string userId, string? orderId, string backLink, string? postLink, DateTimeOffset now)
        {
            var binding = new CardBinding(id, merchantId, userId, orderId, backLink, postLink, now);
            _bindings.Add(binding.PageKey, binding);
            _bindingsByAge.Enqueue(binding.PageKey);
            while (_bindingsByAge.Count > maxEntries)
            {
                _bindings.Remove(_bindingsByAge.Dequeue());
            }

            return binding;
        }

        public CardBinding? FindBinding(string pageKey) => _bindings.TryGetValue(pageKey, out CardBinding? binding) ? binding : null;

        /// <summary>Saves the card a binding's page received.</summary>
        public SavedCard Save(CardBinding binding, TestCard card, DateTimeOffset now)
        {
            SavedCard saved = SaveDirect(binding.MerchantId, binding.UserId, card, now);
            binding.Saved = saved;
            return saved;
        }

        /// <summary>Saves a card the merchant's server sent (the Gateway API's g2g/cardstorage/add).</summary>
        public SavedCard SaveDirect(string merchantId, string userId, TestCard card, DateTimeOffset now)
        {
            var saved = new SavedCard(_nextCardId++, RandomNumberGenerator.GetHexString(32, lowercase: true), merchantId, userId, card, now);
            _cards.Add(saved);
            if (_cards.Count > maxEntries)
            {
                _cards.RemoveRange(0, _cards.Count - maxEntries);
            }

            return saved;
        }

        /// <summary>The user's cards that are not removed, oldest first.</summary>
        public IReadOnlyList<SavedCard> List(string merchantId, string userId) =>
            _cards.Where(c => c.MerchantId == merchantId && c.UserId == userId && c.RemovedAt is null).ToArray();

        /// <summary>A card of any of the merchant's users by its token (a transfer's recipient); removed or unknown is refused.</summary>
        public SavedCard FindByToken(string merchantId, string token)
        {
            SavedCard card = _cards.FirstOrDefault(c => c.MerchantId == merchantId && string.Equals(c.Token, token, StringComparison.Ordinal) && c.RemovedAt is null)
                ?? throw new GatewayError(SandboxErrorCodes.CardNotFound, "No saved card with this token.");
            return card;
        }

        /// <summary>A card of the user by its token; a removed or unknown token is refused, naming which.</summary>
        public SavedCard Find(string merchantId, string userId, string token)
        {
            SavedCard? card = _cards.FirstOrDefault(c => c.MerchantId == merchantId && c.UserId == userId && string.Equals(c.Token, token, StringComparison.Ordinal));
            if (card is null)
            {
                throw new GatewayError(SandboxErrorCodes.CardNotFound, $"No saved card with this token for user {userId}.");
            }

            if (card.RemovedAt is not null)
            {
                throw new GatewayError(SandboxErrorCodes.CardNotFound, "The card with this token was removed.");
            }

            return card;
        }
    }
}
