using System.Reflection;

namespace ContractCheck.NUnit.Tests.Support;

/// <summary>How these tests were built.</summary>
public static class Build
{
    /// <summary>The build configuration (Debug, Release): the one to pack and to run the example project's tests in.</summary>
    public static string Configuration { get; } =
        typeof(Build).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
}
