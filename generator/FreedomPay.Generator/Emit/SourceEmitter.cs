using FreedomPay.Generator.Model;

namespace FreedomPay.Generator.Emit
{
    /// <summary>One generated file: its hint name (unique within the compilation) and its text.</summary>
    internal readonly record struct GeneratedFile(string HintName, string Text);

    /// <summary>Emit entry points, one per kind of unit the pipeline produces.</summary>
    internal static class SourceEmitter
    {
        public static GeneratedFile Emit(OperationUnit unit) =>
            new GeneratedFile($"{unit.Context.Area.Name}.{unit.Operation.Name}.g.cs", TemplateRenderer.Render(unit.Operation.IsRedirect ? "Redirect" : "Operation", OperationViewBuilder.Build(unit)));

        public static GeneratedFile Emit(RequestClassUnit unit) =>
            new GeneratedFile($"{unit.Context.Area.Name}.Request.{unit.Class.Name}.g.cs", TemplateRenderer.Render("RequestPart", RequestViewBuilder.Part(unit)));

        public static GeneratedFile Emit(EnumUnit unit) =>
            new GeneratedFile($"{(unit.Shared ? "Shared" : unit.Context.Area.Name)}.Enums.{unit.Enum.Name}.g.cs", TemplateRenderer.Render("Enum", ViewBuilder.Enum(unit)));

        public static GeneratedFile Emit(CallbackUnit unit) =>
            new GeneratedFile($"{unit.Context.Area.Name}.Callback.{unit.Callback.Name}.g.cs", TemplateRenderer.Render("Callback", ViewBuilder.Callback(unit)));

        public static GeneratedFile Emit(AreaUnit unit) =>
            new GeneratedFile($"{unit.Context.Area.Name}.Client.g.cs", TemplateRenderer.Render("Area", ViewBuilder.Area(unit)));
    }
}
