using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ContractCheck.Cli.Tests;

/// <summary>
/// Findings across runs: the same defect has the same fingerprint whatever the seed, a run with a baseline fails only
/// on findings not in it, and a fixed API reports the baseline's findings as fixed.
/// </summary>
public class BaselineTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("cc-baseline-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, true);

    [Test]
    public async Task Baseline_OtherSeed_KnowsEveryFindingButTheOneLeftOut_AndTheFixedApiReportsThemFixed()
    {
        var recorded = Path.Combine(_dir, "contractcheck.baseline.json");
        // The list's burst is left out: whether a loaded machine's burst trips the limiter in time is not the point here.
        var (exit, stdout, stderr) = await CliRunner.RunAsync("demo", "--target", "legacy", "--seed", "1", "--output", "summary", "--exclude", "GET /todos", "--update-baseline", "--baseline", recorded);
        Assert.That(exit, Is.EqualTo(0), stdout + stderr);
        var text = File.ReadAllText(recorded);
        var entries = JsonNode.Parse(text)!["findings"]!.AsArray();
        Assert.That(entries, Has.Count.GreaterThan(50));
        Assert.That(text.Split('\n').Count(l => l.TrimStart().StartsWith("{\"fingerprint\"", StringComparison.Ordinal)), Is.EqualTo(entries.Count), "one finding per line");
        var keys = entries.Select(e => $"{e!["operation"]}\u0001{e["probe"]}\u0001{e["step"]}\u0001{e["check"]}\u0001{e["fingerprint"]}").ToList();
        Assert.That(keys, Is.EqualTo(keys.Order(StringComparer.Ordinal).ToList()), "sorted by operation, probe, step, check");

        // Another seed sends other values: the findings are the same defects, so only the entry left out is new.
        var left = entries[3]!.AsObject();
        entries.RemoveAt(3);
        var partial = Path.Combine(_dir, "partial.json");
        File.WriteAllText(partial, new JsonObject { ["version"] = 1, ["findings"] = entries.DeepClone() }.ToJsonString());
        (exit, stdout, _) = await CliRunner.RunAsync("demo", "--target", "legacy", "--seed", "2", "--output", "summary", "--exclude", "GET /todos", "--baseline", partial, "--html", Path.Combine(_dir, "known.html"));

        Assert.That(exit, Is.EqualTo(1), stdout);
        Assert.That(stdout, Does.Contain($"Baseline {partial}: 1 new, {entries.Count} known, 0 fixed"));
        Assert.That(stdout, Does.Contain($"  new {left["operation"]} {left["probe"]}").And.Contain($"({left["fingerprint"]})"));
        var html = File.ReadAllText(Path.Combine(_dir, "known.html"));
        Assert.That(html, Does.Contain($"<dt>baseline</dt><dd>1 new · {entries.Count} known · 0 fixed</dd>").And.Contain("<select name=\"baseline\">"));
        Assert.That(html, Does.Contain($"id=\"f-{left["fingerprint"]}\" data-operation=").And.Contain("<span class=\"tag new\">new</span>"));
        Assert.That(Regex.Matches(html, "data-baseline=\"new\""), Has.Count.EqualTo(1));
        Assert.That(Regex.Matches(html, "data-baseline=\"known\""), Has.Count.EqualTo(entries.Count));

        // The conformant API with the careless one's baseline: nothing new, nothing known, the rest fixed or not checked.
        (exit, stdout, _) = await CliRunner.RunAsync("demo", "--seed", "3", "--output", "summary", "--exclude", "GET /todos", "--baseline", recorded, "--html", Path.Combine(_dir, "fixed.html"));

        Assert.That(exit, Is.EqualTo(0), stdout);
        Assert.That(stdout, Does.Match(@"Baseline .*: 0 new, 0 known, \d{2,} fixed"));
        Assert.That(stdout, Does.Contain("  fixed DELETE /todos/{id} happy-path: expected-status: Unexpected status code"));
        Assert.That(File.ReadAllText(Path.Combine(_dir, "fixed.html")), Does.Contain("<h3>Fixed since the baseline (").And.Contain("<li>DELETE /todos/{id} happy-path: expected-status — Unexpected status code <code>"));
    }
}
