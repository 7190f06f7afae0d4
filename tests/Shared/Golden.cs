using System.Runtime.CompilerServices;

namespace ContractCheck.Tests;

/// <summary>
/// Compare-to-file assertions for console and JUnit output. Files live in a Golden folder beside the
/// test source; set UPDATE_GOLDEN=1 to rewrite them, then review the diff.
/// </summary>
public static class Golden
{
    public static void AssertMatches(string actual, string name, [CallerFilePath] string source = "") =>
        AssertFile(actual, System.IO.Path.Combine(System.IO.Path.GetDirectoryName(source)!, "Golden", name));

    /// <summary>The same for a file anywhere in the repository (a shipped file generated from code, such as the rules schema).</summary>
    public static void AssertFile(string actual, string path)
    {
        var name = System.IO.Path.GetFileName(path);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            Assert.Inconclusive($"rewrote {path}: review the diff, then run again without UPDATE_GOLDEN");
        }

        Assert.That(File.Exists(path), Is.True, $"golden file {path} is missing; run the tests once with UPDATE_GOLDEN=1 and review it");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path).ReplaceLineEndings("\n")), $"output differs from {name}; if the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff");
    }
}
