namespace FreedomPay.Generator
{
    /// <summary>Names of the pipeline steps, for incremental-caching tests (GeneratorRunResult.TrackedSteps).</summary>
    internal static class TrackingNames
    {
        public const string SpecTexts = nameof(SpecTexts);
        public const string SpecResults = nameof(SpecResults);
        public const string CompilerSupport = nameof(CompilerSupport);
        public const string Options = nameof(Options);
        public const string Runtime = nameof(Runtime);
        public const string Areas = nameof(Areas);
        public const string OperationUnits = nameof(OperationUnits);
        public const string EnumUnits = nameof(EnumUnits);
        public const string RequestClassUnits = nameof(RequestClassUnits);
        public const string CallbackUnits = nameof(CallbackUnits);
        public const string AreaUnits = nameof(AreaUnits);
    }
}
