using System.Text.RegularExpressions;
using ContractCheck.Tests;

namespace ContractCheck.Cli.Tests;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c>; <c>CHROMIUM</c> names another binary) for the HTML report's tests: a
/// page opened from a file, its screenshot or its DOM after its scripts ran, and every message the page wrote to its
/// console (script errors included). Each run has its own profile directory and a time bound; only the browser the
/// test started is ended. Where no Chromium is installed the test is ignored with a message saying so.
/// </summary>
public static partial class Chromium
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private static readonly Lazy<string?> Binary = new(Find);

    /// <summary>The browser's path; ignores the calling test when there is none.</summary>
    public static string Require()
    {
        var path = Binary.Value;
        if (path is null)
        {
            Assert.Ignore("chromium is not installed: the HTML report is checked in headless Chromium. Install Debian's package (apt-get install chromium; .ci/run does) or set CHROMIUM to a Chromium binary.");
        }

        return path!;
    }

    /// <summary>Opens the page at 1280×1400 and writes a PNG of what shows.</summary>
    public static Task<Page> ScreenshotAsync(string file, string png) => OpenAsync(file, null, "--screenshot=" + png);

    /// <summary>Opens the page (with <paramref name="fragment"/>, "check=no-leak", after the #) and returns its DOM once its scripts ran.</summary>
    public static Task<Page> DomAsync(string file, string? fragment = null) => OpenAsync(file, fragment, "--dump-dom");

    private static async Task<Page> OpenAsync(string file, string? fragment, string what)
    {
        var browser = Require();
        var profile = Directory.CreateTempSubdirectory("cc-chromium-").FullName;
        try
        {
            var url = new Uri(Path.GetFullPath(file)).AbsoluteUri + (fragment is null ? "" : "#" + fragment);
            var (exit, stdout, stderr) = await ChildProcess.RunAsync(Bound, browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--window-size=1280,1400", what, url);
            Assert.That(exit, Is.Zero, $"chromium {what} {url} failed:\n{stderr}");
            var console = stderr.Split('\n').Select(l => ConsoleLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["message"].Value).ToList();
            return new Page(stdout, console);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, true);
            }
            catch (IOException)
            {
                // A browser helper may still be closing a file of the profile; the temp folder keeps it.
            }
        }
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : null;
        }

        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new[] { "chromium", "chromium-browser" }.SelectMany(name => path.Select(dir => Path.Combine(dir, name))).FirstOrDefault(File.Exists);
    }

    // Chromium logs what a page writes to its console (console.log, console.error, uncaught errors) as
    // [pid:tid:time:INFO:CONSOLE:12] "message", source: file:///… (12)   (older versions: CONSOLE(12)).
    [GeneratedRegex(@":CONSOLE[:(]\d*\)?\] (?<message>.*)$")]
    private static partial Regex ConsoleLine();

    /// <summary>What a page showed: its DOM (from <see cref="DomAsync"/>) and what it wrote to its console.</summary>
    public sealed record Page(string Dom, IReadOnlyList<string> Console);
}
