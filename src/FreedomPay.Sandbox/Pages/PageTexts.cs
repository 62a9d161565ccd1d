using System.Globalization;

namespace FreedomPay.Sandbox.Pages
{
    /// <summary>
    /// The hosted page's words in the buyer's language (<c>pg_language</c>). Russian and English are written out;
    /// kz, kg and uz fall back to Russian, the gateway's default.
    /// </summary>
    internal sealed class PageTexts
    {
        public static readonly PageTexts Russian = new PageTexts
        {
            Language = "ru",
            Title = "Оплата с баланса телефона",
            TestMode = "Тестовый режим FreedomPay: деньги не списываются.",
            SmsOnDashboard = "Коды из SMS видны на панели песочницы",
            PaymentsOnDashboard = "Платежи видны на панели песочницы",
            Order = "Заказ {0}",
            AmountDue = "К оплате",
            PhoneLabel = "Номер телефона",
            PhoneHint = "С кодом страны, только цифры, например 77017777777",
            SendCode = "Получить код по SMS",
            CodeSent = "Мы отправили код по SMS на номер {0}.",
            CodeLabel = "Код из SMS",
            CodeHint = "Шесть цифр",
            Pay = "Оплатить",
            Resend = "Отправить новый код",
            NewCodeSent = "Новый код отправлен. Предыдущий больше не действует.",
            AttemptsLeft = "Осталось попыток: {0}.",
            WrongCode = "Неверный код.",
            CodeRequired = "Введите код из SMS.",
            PhoneFormat = "Введите номер с кодом страны: от 10 до 15 цифр.",
            NotTestPhone = "Песочница принимает только тестовые номера: {0}.",
            CodeExpired = "Срок действия кода истёк. Запросите новый код.",
            ResendTooSoon = "Новый код можно запросить чуть позже.",
            ResendLimit = "Больше кодов для этого платежа отправить нельзя.",
            Failed = "Не удалось выполнить операцию (код {0}).",
            PaidTitle = "Оплата прошла",
            PaidText = "Спасибо! Платёж {0} оплачен.",
            FailedTitle = "Оплата не прошла",
            ExpiredTitle = "Время на оплату истекло",
            Declined = "Оператор отклонил списание: на балансе недостаточно средств.",
            TooManyAttempts = "Слишком много неверных кодов.",
            RefusedByMerchant = "Магазин отклонил платёж.",
            Expired = "Платёж не был оплачен вовремя.",
            ReturnToShop = "Вернуться в магазин",
            Redirecting = "Возвращаем вас в магазин…",
            NotFoundTitle = "Платёж не найден",
            NotFoundText = "Ссылка на оплату неверна или устарела. Вернитесь в магазин и начните оплату заново.",
            CardTitle = "Оплата картой",
            CardNumberLabel = "Номер карты",
            CardNumberHint = "Тестовые карты: 4405645000006150 — оплата проходит, 4000000000000002 — отказ банка, 4000000000003220 — с кодом 3-D Secure",
            ExpiryLabel = "Срок действия (ММ/ГГ)",
            CvcLabel = "CVC",
            CardFormat = "Проверьте номер карты (от 13 до 19 цифр), срок действия (ММ/ГГ, не в прошлом) и CVC (3 цифры).",
            NotTestCard = "Песочница принимает только тестовые карты: {0}.",
            ChallengeText = "Банк просит подтвердить оплату картой {0} кодом 3-D Secure. В песочнице код — 111111.",
            ChallengeLabel = "Код 3-D Secure",
            Confirm = "Подтвердить",
            CardDeclined = "Банк отклонил оплату: на карте недостаточно средств.",
            HeldText = "Спасибо! Сумма по платежу {0} заблокирована на карте; магазин спишет её после подтверждения заказа.",
            SaveCardTitle = "Привязка карты",
            SaveCardText = "Магазин сохранит карту и сможет списывать оплату без повторного ввода номера. Мы проверим карту; деньги не списываются.",
            SaveCard = "Привязать карту",
            CardSavedTitle = "Карта привязана",
            CardSavedText = "Карта {0} сохранена для магазина.",
            CvcText = "Подтвердите оплату сохранённой картой {0}: введите её CVC.",
            CvcFormat = "Введите CVC: 3 цифры с обратной стороны карты.",
            PayoutTitle = "Получение выплаты",
            PayoutText = "Магазин переводит вам {0}. Введите карту, на которую зачислить деньги.",
            ReceivePayout = "Получить выплату",
            PayoutAcceptedTitle = "Выплата принята",
            PayoutAcceptedText = "Деньги поступят на карту {0}.",
            InvoiceTitle = "Оплата счёта",
            InvoiceText = "Этот счёт открыт по QR-коду; в песочнице его оплачивают здесь, вместо приложения банка.",
            PayInvoice = "Оплатить счёт",
            InvoicePaidTitle = "Счёт оплачен",
            InvoiceClosedTitle = "Счёт не ждёт оплаты",
        };

        public static readonly PageTexts English = new PageTexts
        {
            Language = "en",
            Title = "Pay from your mobile balance",
            TestMode = "FreedomPay test mode: no money is charged.",
            SmsOnDashboard = "SMS codes are shown on the sandbox dashboard",
            PaymentsOnDashboard = "Payments are shown on the sandbox dashboard",
            Order = "Order {0}",
            AmountDue = "Amount due",
            PhoneLabel = "Phone number",
            PhoneHint = "With the country code, digits only, e.g. 77017777777",
            SendCode = "Get an SMS code",
            CodeSent = "We sent a code by SMS to {0}.",
            CodeLabel = "Code from the SMS",
            CodeHint = "Six digits",
            Pay = "Pay",
            Resend = "Send a new code",
            NewCodeSent = "A new code was sent. The previous one no longer works.",
            AttemptsLeft = "Attempts left: {0}.",
            WrongCode = "Wrong code.",
            CodeRequired = "Enter the code from the SMS.",
            PhoneFormat = "Enter the number with the country code: 10 to 15 digits.",
            NotTestPhone = "The sandbox accepts test phones only: {0}.",
            CodeExpired = "The code has expired. Ask for a new one.",
            ResendTooSoon = "You can ask for a new code in a moment.",
            ResendLimit = "No more codes can be sent for this payment.",
            Failed = "The operation failed (code {0}).",
            PaidTitle = "Payment successful",
            PaidText = "Thank you! Payment {0} is paid.",
            FailedTitle = "Payment failed",
            ExpiredTitle = "The time to pay has run out",
            Declined = "The operator declined the charge: the balance is too low.",
            TooManyAttempts = "Too many wrong codes.",
            RefusedByMerchant = "The shop refused the payment.",
            Expired = "The payment was not paid in time.",
            ReturnToShop = "Return to the shop",
            Redirecting = "Taking you back to the shop…",
            NotFoundTitle = "Payment not found",
            NotFoundText = "The payment link is wrong or out of date. Go back to the shop and start the payment again.",
            CardTitle = "Pay by card",
            CardNumberLabel = "Card number",
            CardNumberHint = "Test cards: 4405645000006150 is approved, 4000000000000002 is declined, 4000000000003220 asks for a 3-D Secure code",
            ExpiryLabel = "Expiry date (MM/YY)",
            CvcLabel = "CVC",
            CardFormat = "Check the card number (13 to 19 digits), the expiry date (MM/YY, not in the past) and the CVC (3 digits).",
            NotTestCard = "The sandbox accepts test cards only: {0}.",
            ChallengeText = "Your bank asks you to confirm the payment with card {0} by a 3-D Secure code. In the sandbox the code is 111111.",
            ChallengeLabel = "3-D Secure code",
            Confirm = "Confirm",
            CardDeclined = "The bank declined the payment: insufficient funds on the card.",
            HeldText = "Thank you! The amount of payment {0} is held on your card; the shop will debit it once the order is confirmed.",
            SaveCardTitle = "Save a card",
            SaveCardText = "The shop will keep the card and charge it without asking for the number again. We check the card; no money is taken.",
            SaveCard = "Save the card",
            CardSavedTitle = "Card saved",
            CardSavedText = "Card {0} is saved for the shop.",
            CvcText = "Confirm the payment with your saved card {0}: enter its CVC.",
            CvcFormat = "Enter the CVC: the 3 digits on the back of the card.",
            PayoutTitle = "Receive a payout",
            PayoutText = "The shop is sending you {0}. Enter the card to credit.",
            ReceivePayout = "Receive the payout",
            PayoutAcceptedTitle = "Payout accepted",
            PayoutAcceptedText = "The money goes to card {0}.",
            InvoiceTitle = "Pay an invoice",
            InvoiceText = "You opened this invoice from its QR code; in the sandbox it is paid here instead of in a banking app.",
            PayInvoice = "Pay the invoice",
            InvoicePaidTitle = "Invoice paid",
            InvoiceClosedTitle = "This invoice is not waiting for payment",
        };

        private PageTexts()
        {
        }

        public string Language { get; private init; } = string.Empty;

        public string Title { get; private init; } = string.Empty;

        public string TestMode { get; private init; } = string.Empty;

        public string SmsOnDashboard { get; private init; } = string.Empty;

        public string PaymentsOnDashboard { get; private init; } = string.Empty;

        public string Order { get; private init; } = string.Empty;

        public string AmountDue { get; private init; } = string.Empty;

        public string PhoneLabel { get; private init; } = string.Empty;

        public string PhoneHint { get; private init; } = string.Empty;

        public string SendCode { get; private init; } = string.Empty;

        public string CodeSent { get; private init; } = string.Empty;

        public string CodeLabel { get; private init; } = string.Empty;

        public string CodeHint { get; private init; } = string.Empty;

        public string Pay { get; private init; } = string.Empty;

        public string Resend { get; private init; } = string.Empty;

        public string NewCodeSent { get; private init; } = string.Empty;

        public string AttemptsLeft { get; private init; } = string.Empty;

        public string WrongCode { get; private init; } = string.Empty;

        public string CodeRequired { get; private init; } = string.Empty;

        public string PhoneFormat { get; private init; } = string.Empty;

        public string NotTestPhone { get; private init; } = string.Empty;

        public string CodeExpired { get; private init; } = string.Empty;

        public string ResendTooSoon { get; private init; } = string.Empty;

        public string ResendLimit { get; private init; } = string.Empty;

        public string Failed { get; private init; } = string.Empty;

        public string PaidTitle { get; private init; } = string.Empty;

        public string PaidText { get; private init; } = string.Empty;

        public string FailedTitle { get; private init; } = string.Empty;

        public string ExpiredTitle { get; private init; } = string.Empty;

        public string Declined { get; private init; } = string.Empty;

        public string TooManyAttempts { get; private init; } = string.Empty;

        public string RefusedByMerchant { get; private init; } = string.Empty;

        public string Expired { get; private init; } = string.Empty;

        public string ReturnToShop { get; private init; } = string.Empty;

        public string Redirecting { get; private init; } = string.Empty;

        public string NotFoundTitle { get; private init; } = string.Empty;

        public string NotFoundText { get; private init; } = string.Empty;

        public string CardTitle { get; private init; } = string.Empty;

        public string CardNumberLabel { get; private init; } = string.Empty;

        public string CardNumberHint { get; private init; } = string.Empty;

        public string ExpiryLabel { get; private init; } = string.Empty;

        public string CvcLabel { get; private init; } = string.Empty;

        public string CardFormat { get; private init; } = string.Empty;

        public string NotTestCard { get; private init; } = string.Empty;

        public string ChallengeText { get; private init; } = string.Empty;

        public string ChallengeLabel { get; private init; } = string.Empty;

        public string Confirm { get; private init; } = string.Empty;

        public string CardDeclined { get; private init; } = string.Empty;

        public string HeldText { get; private init; } = string.Empty;

        public string SaveCardTitle { get; private init; } = string.Empty;

        public string SaveCardText { get; private init; } = string.Empty;

        public string SaveCard { get; private init; } = string.Empty;

        public string CardSavedTitle { get; private init; } = string.Empty;

        public string CardSavedText { get; private init; } = string.Empty;

        public string CvcText { get; private init; } = string.Empty;

        public string CvcFormat { get; private init; } = string.Empty;

        public string PayoutTitle { get; private init; } = string.Empty;

        public string PayoutText { get; private init; } = string.Empty;

        public string ReceivePayout { get; private init; } = string.Empty;

        public string PayoutAcceptedTitle { get; private init; } = string.Empty;

        public string PayoutAcceptedText { get; private init; } = string.Empty;

        public string InvoiceTitle { get; private init; } = string.Empty;

        public string InvoiceText { get; private init; } = string.Empty;

        public string PayInvoice { get; private init; } = string.Empty;

        public string InvoicePaidTitle { get; private init; } = string.Empty;

        public string InvoiceClosedTitle { get; private init; } = string.Empty;

        public static PageTexts For(string? language) => language == "en" ? English : Russian;

        /// <summary>Fills a text's {0} (texts are written by us, arguments are encoded by the caller).</summary>
        public static string Format(string text, object argument) => string.Format(CultureInfo.InvariantCulture, text, argument);

        /// <summary>1500 -> "1 500,00" in Russian, "1,500.00" in English, without relying on the machine's ICU data.</summary>
        public string Money(decimal amount, string currency)
        {
            string invariant = amount.ToString("#,0.00", CultureInfo.InvariantCulture);
            string local = Language == "en" ? invariant : invariant.Replace(",", "\u00A0").Replace(".", ",");
            return local + "\u00A0" + currency;
        }
    }
}
