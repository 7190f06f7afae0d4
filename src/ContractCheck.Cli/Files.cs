using ContractCheck.Core;

namespace ContractCheck.Cli;

/// <summary>Files the commands write (init's rules file, the schema): an error the user can fix is a usage error naming the path.</summary>
internal static class Files
{
    public static void Write(string path, string text, string option)
    {
        try
        {
            if (Directory.Exists(path))
            {
                throw new ContractCheckException($"{option} '{path}' is a directory", null, "give a file path");
            }

            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ContractCheckException($"{option} '{path}' cannot be written: {e.Message}", null, "choose a path in a directory you can write to");
        }
    }
}
