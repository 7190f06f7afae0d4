using System.Diagnostics;
using ContractCheck.Core.Spec;

namespace ContractCheck.Bench;

/// <summary>
/// Peak working set of one load in a fresh process (BenchmarkDotNet reports allocations, not peaks):
/// run once with "library" and once with "contractcheck" and compare.
/// </summary>
public static class PeakMemory
{
    public static int Run(string mode, string spec)
    {
        var path = SpecFiles.Find(spec);
        var text = File.ReadAllText(path);
        var clock = Stopwatch.StartNew();
        var operations = mode == "library"
            ? SpecFiles.LibraryOnly(text, path)?.Paths?.Sum(p => p.Value.Operations?.Count ?? 0) ?? 0
            : new SpecLoader().Load(text, path, new Uri(path)).Operations.Count;
        clock.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"{mode,-14} {spec}: {operations} operations, {clock.ElapsedMilliseconds} ms (first load, cold), peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB");
        return 0;
    }
}
