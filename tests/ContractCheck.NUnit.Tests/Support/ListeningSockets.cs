using System.Globalization;

namespace ContractCheck.NUnit.Tests.Support;

/// <summary>
/// The TCP ports this process listens on (Linux): the socket inodes among its open file descriptors
/// (<c>/proc/self/fd</c>), looked up in <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c> in state LISTEN. Per process,
/// so other processes on the machine (other tests, other engineers) do not count.
/// </summary>
public static class ListeningSockets
{
    public static bool Supported => File.Exists("/proc/net/tcp") && Directory.Exists("/proc/self/fd");

    public static IReadOnlySet<int> OfThisProcess()
    {
        var inodes = new HashSet<string>();
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target["socket:[".Length..^1]);
                }
            }
            catch (IOException)
            {
                // The descriptor closed while it was listed.
            }
        }

        var ports = new HashSet<int>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == "0A" && inodes.Contains(fields[9]))
                {
                    ports.Add(int.Parse(fields[1][(fields[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                }
            }
        }

        return ports;
    }
}
