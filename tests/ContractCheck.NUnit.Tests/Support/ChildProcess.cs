using System.Diagnostics;
using System.Reflection;

namespace ContractCheck.NUnit.Tests.Support;

/// <summary>Runs a command to its end within a bound (the process and its children are ended after it), capturing its output.</summary>
public static class ChildProcess
{
    /// <summary>The build configuration these tests were built in (Debug, Release): the one to pack and to run.</summary>
    public static string Configuration { get; } =
        typeof(ChildProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    public static async Task<(int Exit, string Output)> RunAsync(TimeSpan bound, string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)} did not end within {bound.TotalSeconds:0} s");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
