using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace ProviderConfig.Client.Tests;

/// <summary>
/// Which runtime a test run used. CI runs this assembly twice (net10.0 through <c>dotnet test</c>, net8.0 published
/// self-contained) and prints the <c>runtime:</c> line this test writes into each run's TRX.
/// </summary>
public sealed class RuntimeTests
{
    [Fact]
    public void The_tests_and_the_SDK_run_on_the_runtime_they_were_built_for()
    {
        var tests = BuiltFor(typeof(RuntimeTests).Assembly);
        var sdk = BuiltFor(typeof(ProviderConfigClient).Assembly);
        TestContext.Current.TestOutputHelper!.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription} (tests built for {tests}, SDK assembly built for {sdk})");

        // A roll-forward to a newer runtime would make the net8.0 run test nothing the net10.0 run does not.
        Assert.Equal(tests.Version.Major, Environment.Version.Major);
        Assert.Equal(tests, sdk);
    }

    private static FrameworkName BuiltFor(Assembly assembly)
        => new(assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);
}
