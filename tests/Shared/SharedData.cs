namespace ContractCheck.Tests;

/// <summary>
/// The test data beside the project (../shared: specs, the JSON Schema Test Suite, the JUnit XSD).
/// CONTRACTCHECK_SHARED overrides the place. Where it is missing, tests that need it are ignored
/// with a message saying what is missing, not failed.
/// </summary>
public static class SharedData
{
    public static string Root
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("CONTRACTCHECK_SHARED");
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return Path.GetFullPath(fromEnvironment);
            }

            return Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared"));
        }
    }

    /// <summary>A path under the shared folder; ignores the calling test when it is not there.</summary>
    public static string Require(string relative)
    {
        var path = Path.Combine(Root, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Ignore($"test data '{relative}' is missing: expected at {path}. Put the shared folder beside the clone (../shared) or set CONTRACTCHECK_SHARED.");
        }

        return path;
    }

    /// <summary>True when the shared folder holds <paramref name="relative"/>; for building test case lists.</summary>
    public static bool Has(string relative) => File.Exists(Path.Combine(Root, relative)) || Directory.Exists(Path.Combine(Root, relative));
}
