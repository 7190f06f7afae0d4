using ContractCheck.Core;

namespace ContractCheck.Cli;

/// <summary>
/// Files the commands write (reports, the baseline, init's rules file, the schema): a path that cannot be written is
/// a usage error naming the option and the path, found before any request is sent where the file comes after a run.
/// </summary>
internal static class Files
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, making its directory.</summary>
    public static void Write(string path, string text, string option) => Guard(option, path, full => File.WriteAllText(full, text));

    /// <summary>Makes sure a report can be written at <paramref name="path"/> later, leaving no file behind where there was none.</summary>
    public static void CheckWritable(string option, string path) => Guard(option, path, full =>
    {
        var existed = File.Exists(full);
        using (File.Open(full, FileMode.Append, FileAccess.Write))
        {
        }

        if (!existed)
        {
            File.Delete(full);
        }
    });

    private static void Guard(string option, string path, Action<string> write)
    {
        try
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                throw new ContractCheckException($"{option} '{path}' is a directory", null, "give a file path, such as results/contract.xml");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            write(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ContractCheckException($"{option} '{path}' cannot be written: {e.Message}", null, "choose a path in a directory you can write to");
        }
    }
}
