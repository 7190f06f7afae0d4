namespace ContractCheck.Core.Reporting;

/// <summary>Opens a report file for writing, making its directory first.</summary>
public static class ReportFile
{
    public static FileStream Open(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        return File.Create(path);
    }
}
