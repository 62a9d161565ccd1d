using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace FreedomPay.Generator.Tests.Infrastructure;

/// <summary>
/// Generated code compiled into a real assembly and loaded, so that a test can call it: what a consumer project
/// gets when it adds its own spec. Reflection is fine here; the shipped code never uses it.
/// </summary>
internal sealed class CompiledClient
{
    private readonly Assembly _assembly;

    private CompiledClient(Assembly assembly) => _assembly = assembly;

    public static CompiledClient Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", GeneratorHarness.Describe(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid(), isCollectible: true);
        return new CompiledClient(context.LoadFromStream(stream));
    }

    public Type Type(string fullName) => _assembly.GetType(fullName, throwOnError: true)!;

    /// <summary>Creates a request object and sets its properties by name.</summary>
    public object Create(string typeName, params (string Property, object? Value)[] values)
    {
        object instance = Activator.CreateInstance(Type(typeName))!;
        foreach (var (property, value) in values)
        {
            instance.GetType().GetProperty(property)!.SetValue(instance, value);
        }

        return instance;
    }

    /// <summary>Calls <c>client.{Area}().{Operation}Async(request)</c> and returns the response object.</summary>
    public async Task<object> CallAsync(FreedomPayClient client, string areaNamespace, string area, string operation, object request)
    {
        object areaClient = Type($"{areaNamespace}.{area}ClientExtensions").GetMethod(area)!.Invoke(null, new object[] { client })!;
        var task = (Task)areaClient.GetType().GetMethod(operation + "Async")!.Invoke(areaClient, new[] { request, CancellationToken.None })!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task)!;
    }
}
