using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using System.Xml.Schema;
using ContractCheck.Tests;

namespace ContractCheck.Cli.Tests;

/// <summary>
/// One run of <c>demo --target legacy</c> writes every report at once; each is validated against its schema (JUnit
/// against Jenkins' XSD, JSON against the schema the repository publishes, HTML in headless Chromium) and holds the
/// same findings.
/// </summary>
public partial class ReportFilesTests
{
    private string _dir = "";
    private int _exit;
    private string _stdout = "";

    private string File(string name) => Path.Combine(_dir, name);

    [OneTimeSetUp]
    public async Task RunTheLegacyDemoOnce()
    {
        _dir = Directory.CreateTempSubdirectory("cc-reports-").FullName;
        // GitHub's step summary already holds another step's text: the summary is appended to it.
        System.IO.File.WriteAllText(File("step-summary.md"), "# Build\n\nearlier step\n");
        (_exit, _stdout, var stderr) = await CliRunner.RunAsync(name => name == "GITHUB_STEP_SUMMARY" ? File("step-summary.md") : null, "demo", "--target", "legacy", "--seed", "1", "--output", "summary",
            "--junit", File("junit.xml"), "--json", File("report.json"), "--sarif", File("report.sarif"), "--markdown", File("summary.md"), "--html", File("report.html"));
        Assert.That(_exit, Is.EqualTo(1), _stdout + stderr);
    }

    [OneTimeTearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, true);

    [Test]
    public void JUnit_IsValidAgainstJenkinsSchema()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, SharedData.Require("junit/junit-10.xsd"));
        var errors = new List<string>();
        var junit = XDocument.Load(File("junit.xml"));

        junit.Validate(schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));

        Assert.That(errors, Is.Empty);
        var first = junit.Root!.Elements("testsuite").First();
        Assert.That((string?)first.Attribute("name"), Is.EqualTo("ContractCheck run"));
        Assert.That((int)first.Attribute("tests")!, Is.EqualTo(first.Elements("testcase").Count()).And.GreaterThan(0), "the run suite counts its own testcases");
    }

    [Test]
    public void Sarif_IsValidSarif210_WithWhatGitHubCodeScanningRequires()
    {
        var schema = JsonSchemaFile.Load(SharedData.Require("sarif/sarif-schema-2.1.0.json"));
        var sarif = JsonNode.Parse(System.IO.File.ReadAllText(File("report.sarif")))!;

        Assert.That(schema.Errors(sarif), Is.Empty);
        var run = sarif["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        var results = run["results"]!.AsArray();
        Assert.That((string?)run["tool"]!["driver"]!["name"], Is.EqualTo("ContractCheck"));
        Assert.That(rules.Select(r => (string?)r!["id"]).Distinct().Count(), Is.EqualTo(rules.Count), "one rule per check id");
        Assert.That(rules.Where(r => (string?)r!["id"] == "expected-status").Select(r => (string?)r!["helpUri"]), Is.EqualTo(new[] { "https://www.rfc-editor.org/rfc/rfc9110#section-15" }));

        // One result per finding, each with what code scanning needs, at its operation's line in the spec.
        var findings = JsonNode.Parse(System.IO.File.ReadAllText(File("report.json")))!["findings"]!.AsArray();
        Assert.That(results.Select(r => (string?)r!["partialFingerprints"]![SarifFingerprintKey]), Is.EqualTo(findings.Select(f => (string?)f!["fingerprint"])));
        var spec = System.IO.File.ReadAllLines(Repository.Path("examples", "TodoApi", "openapi.yaml"));
        var createLine = Array.FindIndex(spec, Array.IndexOf(spec, "  /todos:"), l => l == "    post:") + 1;
        foreach (var result in results)
        {
            Assert.That((string?)result!["ruleId"], Is.Not.Empty);
            Assert.That((string?)result["message"]!["text"], Is.Not.Empty);
            Assert.That((string?)result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"], Is.EqualTo("examples/TodoApi/openapi.yaml"));
            Assert.That((string?)rules[(int)result["ruleIndex"]!]!["id"], Is.EqualTo((string?)result["ruleId"]));
            if ((string?)result["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"] == "POST /todos")
            {
                Assert.That((int)result["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!, Is.EqualTo(createLine));
            }
        }

        // The schema can fail: without its version and with a line 0, the document is refused twice.
        sarif.AsObject().Remove("version");
        results[0]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0;
        Assert.That(schema.Errors(sarif), Has.Count.EqualTo(2));
    }

    [Test]
    public void Markdown_HasTotalsFailuresByCheckWithAReproductionWarningsAndCoverage_AndGoesToTheStepSummary()
    {
        var markdown = System.IO.File.ReadAllText(File("summary.md"));
        var findings = JsonNode.Parse(System.IO.File.ReadAllText(File("report.json")))!["findings"]!.AsArray();

        Assert.That(markdown, Does.StartWith("## ContractCheck: Todo API — ❌ failed\n"));
        Assert.That(markdown, Does.Contain("### Failures by check").And.Contain("#### `expected-status` ").And.Contain("#### `no-leak` "));
        Assert.That(markdown, Does.Contain("<details><summary>First reproduction: ").And.Contain("curl -i -X "));
        Assert.That(markdown, Does.Contain("### Coverage: 11 of 11 operations exercised (100%)").And.Contain("| operation | happy-path |"));
        var checks = findings.Select(f => (string?)f!["check"]).Distinct().ToList();
        Assert.That(checks.Where(c => !markdown.Contains($"#### `{c}` ", StringComparison.Ordinal)), Is.Empty, "every check with findings has its group");
        Assert.That(System.IO.File.ReadAllText(File("step-summary.md")), Is.EqualTo("# Build\n\nearlier step\n" + markdown), "appended to GitHub's step summary");
    }

    private const string SarifFingerprintKey = "contractcheckFingerprint/v1";

    [Test]
    public void Json_IsValidAgainstThePublishedSchema_AndSaysWhatTheConsoleSays()
    {
        var schema = JsonSchemaFile.Load(Repository.Path("schemas", "contractcheck-report.schema.json"));
        var report = JsonNode.Parse(System.IO.File.ReadAllText(File("report.json")))!;

        Assert.That(schema.Errors(report), Is.Empty);
        Assert.That((string?)report["summary"]!["line"], Is.Not.Null.And.Matches<string>(line => _stdout.Contains(line + " (", StringComparison.Ordinal)));
        Assert.That(report["findings"]!.AsArray(), Has.Count.GreaterThan(50));
        Assert.That((int)report["seed"]!, Is.EqualTo(1));
        Assert.That((int)report["coverage"]!["exercised"]!, Is.EqualTo(11));

        // The schema can fail: a report without its seed, with a probe outcome it does not know, is refused twice.
        report.AsObject().Remove("seed");
        report["probes"]![0]!["outcome"] = "perhaps";
        Assert.That(schema.Errors(report), Has.Count.EqualTo(2));
    }

    [Test]
    public void Html_IsOneSelfContainedPage_WithEveryFailureTheWarningsAndTheCoverageMatrix()
    {
        var html = System.IO.File.ReadAllText(File("report.html"));
        var findings = Findings();

        Assert.That(ExternalReferences(html), Is.Empty, "the page loads nothing from anywhere");
        Assert.That(ExternalReferences(html.Replace("</body>", "<img src=\"https://example.com/x.png\"></body>", StringComparison.Ordinal)), Has.Count.EqualTo(1), "the search can fail");

        // Failures first, one row each, with their evidence; without the script every row shows and the filter form does not.
        Assert.That(html.IndexOf("<section id=\"failures\">", StringComparison.Ordinal), Is.LessThan(html.IndexOf("<section id=\"coverage\">", StringComparison.Ordinal)));
        var rows = FindingRows().Matches(html);
        Assert.That(rows.Select(r => r.Groups["fingerprint"].Value), Is.EqualTo(findings.Select(f => (string?)f!["fingerprint"])));
        Assert.That(rows.Where(r => r.Value.Contains(" hidden", StringComparison.Ordinal)), Is.Empty);
        Assert.That(html, Does.Contain("<form id=\"filters\" class=\"filters\" hidden>"));
        Assert.That(html, Does.Contain($"<dt>failures</dt><dd>{findings.Count}</dd>").And.Contain("<dt>checks passed</dt>"), "totals at the top");
        Assert.That(html, Does.Contain("<tr><th>expected</th><td class=\"expected mono\">409</td></tr>").And.Contain("<h3>Response</h3><pre class=\"headers\">HTTP/1.1 ").And.Contain("<h3>Reproduce</h3><pre class=\"curl\">curl -i -X "));
        Assert.That(html, Does.Contain("<h2>Design warnings (").And.Contain("<h2>Coverage: 11 of 11 operations exercised (100%)</h2>"));
        Assert.That(Regex.Matches(html, "<td class=\"opname\">"), Has.Count.EqualTo(11), "one coverage row per operation");
    }

    [Test]
    public async Task Html_RendersInChromiumWithoutConsoleMessages_AndItsFilterShowsOnlyThePickedFailures()
    {
        Chromium.Require();
        var findings = Findings();
        var shot = File("report.png");

        var page = await Chromium.ScreenshotAsync(File("report.html"), shot);

        Assert.That(page.Console, Is.Empty, "the page wrote to the browser console");
        var png = System.IO.File.ReadAllBytes(shot);
        Assert.That(png.Length, Is.GreaterThan(10_000));
        Assert.That(png.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "a PNG");

        // The address holds an operation, and a user then picks a check: only the failures with both stay visible.
        const string check = "no-leak";
        var html = System.IO.File.ReadAllText(File("report.html"));
        var pick = $"<script>var s = document.querySelector('select[name=check]'); s.value = '{check}'; s.dispatchEvent(new Event('change'));</script>";
        System.IO.File.WriteAllText(File("picked.html"), html.Replace("</body>", pick + "</body>", StringComparison.Ordinal));
        var picked = await Chromium.DomAsync(File("picked.html"), "operation=POST+%2Ftodos");

        Assert.That(picked.Console, Is.Empty);
        var rows = FindingRows().Matches(picked.Dom);
        Assert.That(rows, Has.Count.EqualTo(findings.Count), "one row per failure");
        var visible = rows.Where(r => !r.Value.Contains(" hidden", StringComparison.Ordinal)).Select(r => r.Groups["fingerprint"].Value).ToList();
        var expected = findings.Where(f => (string?)f!["check"] == check && (string?)f!["operation"] == "POST /todos").Select(f => (string?)f!["fingerprint"]).ToList();
        Assert.That(expected, Is.Not.Empty);
        Assert.That(visible, Is.EqualTo(expected));
        Assert.That(picked.Dom, Does.Contain($">{expected.Count} of {findings.Count} shown<"));

        // The check can fail: a page whose script breaks is caught.
        System.IO.File.WriteAllText(File("broken.html"), html.Replace("</body>", "<script>reportHasNoSuchFunction();</script></body>", StringComparison.Ordinal));
        var broken = await Chromium.DomAsync(File("broken.html"));
        Assert.That(broken.Console, Has.Some.Contains("reportHasNoSuchFunction"));
    }

    /// <summary>Anything in the page that would load from elsewhere: an element with a source, a link to a stylesheet, a CSS url() or @import, a URL in src or href.</summary>
    public static List<string> ExternalReferences(string html) =>
        Regex.Matches(html, @"<(link|img|iframe|object|embed|source|video|audio|base|script)\b[^>]*\b(src|href|srcset|data|poster)\s*=[^>]*>|url\(|@import|\b(src|href|action)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase)
            .Select(m => m.Value).ToList();

    private JsonArray Findings() => JsonNode.Parse(System.IO.File.ReadAllText(File("report.json")))!["findings"]!.AsArray();

    [GeneratedRegex("<details class=\"finding\" id=\"f-(?<fingerprint>[0-9a-f]+)\"[^>]*>")]
    private static partial Regex FindingRows();
}
