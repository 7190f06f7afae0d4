using System.Diagnostics;

namespace ContractCheck.Tests;

/// <summary>
/// A process a test starts and waits for within a bound: its output captured, and it (with its children) ended when
/// the bound passes — only the process the test started, by its own handle.
/// </summary>
public static class ChildProcess
{
    /// <summary>Starts <paramref name="file"/> with its output redirected; <c>NO_COLOR</c> and the .NET CLI's quiet switches set.</summary>
    public static Process Start(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["NO_COLOR"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(info)!;
    }

    /// <summary>Waits for the process to end within <paramref name="bound"/> (the test fails and the process is ended after it).</summary>
    public static async Task<(int Exit, string Out, string Err)> FinishAsync(Process process, TimeSpan bound)
    {
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
            Assert.Fail($"{Path.GetFileName(process.StartInfo.FileName)} {string.Join(' ', process.StartInfo.ArgumentList)} did not exit within {bound}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    public static async Task<(int Exit, string Out, string Err)> RunAsync(TimeSpan bound, string file, params string[] args)
    {
        using var process = Start(file, args);
        return await FinishAsync(process, bound);
    }

    /// <summary>The <c>contractcheck</c> built beside the test assembly, run with <c>dotnet</c>.</summary>
    public static Task<(int Exit, string Out, string Err)> ContractCheckAsync(TimeSpan bound, params string[] args) =>
        RunAsync(bound, "dotnet", [Path.Combine(AppContext.BaseDirectory, "contractcheck.dll"), .. args]);
}
