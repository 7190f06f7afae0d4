using System.Runtime.CompilerServices;

namespace ContractCheck.Tests;

/// <summary>Paths inside this repository, found from the test source location (works from any working directory).</summary>
public static class Repository
{
    public static string Root => FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { System.IO.Path.GetDirectoryName(source), AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "ContractCheck.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("cannot find the repository root (ContractCheck.sln) above " + source);
    }
}
