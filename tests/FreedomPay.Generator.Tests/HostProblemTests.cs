using System;
using System.IO;

namespace FreedomPay.Generator.Tests;

/// <summary>A dependency the compiler cannot load is FPG0023 (what to change), anything else stays FPG9999 (a bug).</summary>
public sealed class HostProblemTests
{
    [Fact]
    public void A_missing_dependency_behind_a_type_initializer_is_named()
    {
        var failure = new TypeInitializationException("FreedomPay.Generator.Emit.RenderContext", new FileNotFoundException("Could not load file or assembly", "System.Text.Json, Version=10.0.0.0"));

        Assert.Equal("System.Text.Json, Version=10.0.0.0", HostProblem.Of(failure));
        Assert.Equal("Scriban.Helpers", HostProblem.Of(new TypeLoadException("Scriban.Helpers")));
    }

    [Fact]
    public void Any_other_failure_is_not_a_host_problem()
    {
        Assert.Null(HostProblem.Of(new InvalidOperationException("a bug")));
        Assert.Null(HostProblem.Of(new ArgumentException("a bug", new NullReferenceException())));
        Assert.False(string.IsNullOrEmpty(HostProblem.Host));
    }
}
