namespace FreedomPay.Runtime
{
    /// <summary>
    /// How values marked <c>sensitive:</c> in the spec are shown. Which values are sensitive is the spec's knowledge
    /// (see <see cref="RequestField.Sensitivity"/>); this only knows the masks.
    /// </summary>
    internal static class Redaction
    {
        public const string Hidden = "***";

        public static string Apply(FieldSensitivity sensitivity, string value) => sensitivity switch
        {
            FieldSensitivity.Hidden => Hidden,
            FieldSensitivity.Partial => Partial(value),
            _ => value,
        };

        /// <summary>77017777777 -> 7701*****77; short values are hidden whole.</summary>
        public static string Partial(string value) => value.Length <= 6
            ? Hidden
            : value.Substring(0, 4) + new string('*', value.Length - 6) + value.Substring(value.Length - 2);
    }
}
