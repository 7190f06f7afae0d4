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
        (_exit, _stdout, var stderr) = await CliRunner.RunAsync("demo", "--target", "legacy", "--seed", "1", "--output", "summary",
            "--junit", File("junit.xml"), "--json", File("report.json"));
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
    public void Json_IsValidAgainstThePublishedSchema_AndSaysWhatTheConsoleSays()
    {
        var schema = JsonSchemaFile.Load(Repository.Path("schemas", "contractcheck-report.schema.json"));
        var report = JsonNode.Parse(System.IO.File.ReadAllText(File("report.json")))!;

        Assert.That(schema.Errors(report), Is.Empty);
        Assert.That((string?)report["summary"]!["line"], Is.Not.Null.And.Matches<string>(line => _stdout.Contains(line + " (", StringComparison.Ordinal)));
        Assert.That(report["findings"]!.AsArray(), Has.Count.GreaterThan(50));
        Assert.That((int)report["seed"]!, Is.EqualTo(1));
        Assert.That((int)report["coverage"]!["exercised"]!, Is.EqualTo(7));

        // The schema can fail: a report without its seed, with a probe outcome it does not know, is refused twice.
        report.AsObject().Remove("seed");
        report["probes"]![0]!["outcome"] = "perhaps";
        Assert.That(schema.Errors(report), Has.Count.EqualTo(2));
    }
}
