using System.Diagnostics;
using System.Text;
using ContractCheck.Core.Rules;

namespace ContractCheck.Core.Execution;

/// <summary>
/// Runs an <c>auth.command</c> once: through <c>/bin/sh -c</c> (<c>cmd /c</c> on Windows), no input, its standard
/// output read up to 64 KB and trimmed as the token; killed with its children when it outlives its timeout.
/// </summary>
internal static class TokenCommand
{
    private const int MaxOutput = 64 * 1024;

    /// <returns>The token, or why there is none (not yet masked).</returns>
    public static async Task<(string? Token, string? Problem)> RunAsync(CommandSettings command, CancellationToken stop)
    {
        var start = OperatingSystem.IsWindows() ? new ProcessStartInfo("cmd", ["/c", command.Run]) : new ProcessStartInfo("/bin/sh", ["-c", command.Run]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (null, $"could not be started: {e.Message}");
        }

        process.StandardInput.Close();
        var output = ReadAsync(process.StandardOutput);
        var errors = ReadAsync(process.StandardError);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(command.Timeout);
        string text, said;
        try
        {
            // Its output within the same bound: a child it left running can hold the pipe open after it exits.
            await process.WaitForExitAsync(timeout.Token);
            text = (await output.WaitAsync(timeout.Token)).Trim();
            said = (await errors.WaitAsync(timeout.Token)).Trim();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            stop.ThrowIfCancellationRequested();
            return (null, $"did not finish within {command.Timeout.TotalSeconds:0.#} s; it was stopped (give it longer with command: {{run: …, timeout: 60s}})");
        }

        if (process.ExitCode != 0)
        {
            return (null, $"exited with status {process.ExitCode}" + (said.Length > 0 ? ": " + Excerpt(said) : " and wrote nothing on its standard error"));
        }

        if (text.Length == 0)
        {
            return (null, "printed nothing on its standard output; it must print the token");
        }

        return text.Contains('\n', StringComparison.Ordinal) || text.Any(char.IsControl)
            ? (null, $"printed {text.Split('\n').Length} lines; it must print the token alone (one line)")
            : (text, null);
    }

    private static async Task<string> ReadAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        var text = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            // Read to the end (a full pipe would block the command), keep the first 64 KB.
            if (text.Length < MaxOutput)
            {
                text.Append(buffer, 0, Math.Min(read, MaxOutput - text.Length));
            }
        }

        return text.ToString();
    }

    private static string Excerpt(string text) => (text.Length > 200 ? text[..200] + "…" : text).ReplaceLineEndings(" ");
}
