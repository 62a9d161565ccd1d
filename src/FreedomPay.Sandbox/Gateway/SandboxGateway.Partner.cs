using System.Collections.Generic;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The Partner API with state: the rates a partner uploads are kept (the latest per pair and rate type), a client
    /// company is added once per company_id, and a wallet once blocked stays blocked (blocking it again is refused).
    /// </summary>
    internal sealed partial class SandboxGateway
    {
        private const int MaxPartnerEntries = 10_000;
        private readonly object _partnerGate = new object();
        private readonly Dictionary<(string Merchant, string From, string To, string Type), decimal> _partnerRates = new Dictionary<(string, string, string, string), decimal>();
        private readonly HashSet<(string Merchant, string Wallet)> _blockedWallets = new HashSet<(string, string)>();
        private readonly HashSet<(string Merchant, string Company)> _partnerClients = new HashSet<(string, string)>();

        /// <summary>The rate a partner uploaded for a pair and rate type (empty for none), or null.</summary>
        internal decimal? PartnerRate(string merchantId, string from, string to, string rateType = "")
        {
            lock (_partnerGate)
            {
                return _partnerRates.TryGetValue((merchantId, from, to, rateType), out decimal rate) ? rate : null;
            }
        }

        private SandboxReply AddPartnerRates(GatewayRequest request, SandboxMerchant merchant)
        {
            lock (_partnerGate)
            {
                for (int i = 0; request.Optional($"rates[{i}][currency_from]") is { } from; i++)
                {
                    string to = request.Required($"rates[{i}][currency_to]");
                    decimal rate = request.RequiredDecimal($"rates[{i}][rate]", 0.000001m, 99999999m);
                    var key = (merchant.MerchantId, from, to, request.Optional($"rates[{i}][rate_type]") ?? string.Empty);
                    if (_partnerRates.Count < MaxPartnerEntries || _partnerRates.ContainsKey(key))
                    {
                        _partnerRates[key] = rate;
                    }
                }
            }

            return new SandboxReply().Set("status", "ok");
        }

        private SandboxReply AddPartnerClient(GatewayRequest request, SandboxMerchant merchant)
        {
            string company = request.Required("company[company_id]");
            return AcceptOnce(_partnerClients, (merchant.MerchantId, company), $"Company {company} is a client already. Nothing was changed.");
        }

        private SandboxReply BlockPartnerWallet(GatewayRequest request, SandboxMerchant merchant)
        {
            string wallet = request.Required("identifier");
            return AcceptOnce(_blockedWallets, (merchant.MerchantId, wallet), $"Wallet {wallet} is blocked already. Nothing was changed.");
        }

        /// <summary>A request that may be made once per key (a client added, a wallet blocked): accepted the first time, 1004 after.</summary>
        private SandboxReply AcceptOnce(HashSet<(string, string)> done, (string, string) key, string again)
        {
            lock (_partnerGate)
            {
                if (done.Contains(key))
                {
                    throw new GatewayError(SandboxErrorCodes.WrongState, again);
                }

                if (done.Count < MaxPartnerEntries)
                {
                    done.Add(key);
                }
            }

            return CardApiReply("accepted").Set("dt", CardApiTime(Now));
        }
    }
}
