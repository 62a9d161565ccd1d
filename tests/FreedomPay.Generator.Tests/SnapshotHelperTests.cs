using System;
using FreedomPay.Generator.Tests.Infrastructure;

namespace FreedomPay.Generator.Tests;

/// <summary>The snapshot helper itself cannot pass vacuously (a file without a snapshot fails too: see Snapshot.Verify).</summary>
public sealed class SnapshotHelperTests
{
    [Fact]
    public void A_run_that_generates_nothing_fails()
    {
        var ex = Assert.Throws<Xunit.Sdk.XunitException>(() => Snapshot.VerifyAll("helper-empty", Array.Empty<(string, string)>()));

        Assert.Contains("generated no file at all", ex.Message);
    }
}
