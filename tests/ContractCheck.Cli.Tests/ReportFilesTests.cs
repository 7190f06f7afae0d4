using System.Text.Json.Nodes;
using System.Xml.Linq;
using System.Xml.Schema;
using ContractCheck.Tests;

namespace ContractCheck.Cli.Tests;

/// <summary>
/// One run of <c>demo --target legacy</c> writes every report at once; each is validated against its schema (JUnit
/// against Jenkins' XSD, JSON against the schema the repository publishes) and holds the same findings.
/// </summary>
public class ReportFilesTests
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
            "--junit", File("junit.xml"), "--json", File("report.json"), "--sarif", File("report.sarif"), "--markdown", File("summary.md"));
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
}
