using System.Text.Json.Nodes;
using ContractCheck.Core.Rules;
using ContractCheck.Tests;

namespace ContractCheck.Cli.Tests;

/// <summary><c>contractcheck init</c> and <c>contractcheck schema</c> end to end.</summary>
public class InitTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("cc-init-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, true);

    [Test]
    public async Task Init_WritesRulesBesideTheSpecThatRunPicksUp_AndRefusesToOverwriteThem()
    {
        var spec = Path.Combine(_dir, "openapi.yaml");
        File.Copy(Repository.Path("examples", "TodoApi", "openapi.yaml"), spec);

        var (exit, stdout, stderr) = await CliRunner.RunAsync("init", "--spec", spec, "--base-url", "http://127.0.0.1:5080");

        Assert.That(exit, Is.EqualTo(0), stderr);
        var rules = Path.Combine(_dir, "contractcheck.yaml");
        Assert.That(stdout, Does.Contain($"wrote {rules}").And.Contain($"contractcheck run --spec {spec} --base-url http://127.0.0.1:5080"));
        Assert.That(File.ReadAllText(rules), Does.StartWith($"# yaml-language-server: $schema={RulesSchema.FileName}\n").And.Contain("bearer: ${TODO_API_TOKEN}"));
        Assert.That(File.ReadAllText(Path.Combine(_dir, RulesSchema.FileName)), Is.EqualTo(RulesSchema.Generate()), "the schema the first line names is beside it");

        var dryRun = await CliRunner.RunAsync("run", "--spec", spec, "--dry-run");
        Assert.That(dryRun.Exit, Is.EqualTo(2), "the placeholder's variable is not set");
        Assert.That(dryRun.Err, Does.Contain($"{rules}:").And.Contain("TODO_API_TOKEN"), "run picked up the rules beside the spec");

        File.AppendAllText(rules, "# edited by hand\n");
        var again = await CliRunner.RunAsync("init", "--spec", spec);
        Assert.That(again.Exit, Is.EqualTo(2));
        Assert.That(again.Err, Does.StartWith($"error: '{rules}' already exists").And.Contain("--force").And.Contain("--out"));
        Assert.That(File.ReadAllText(rules), Does.EndWith("# edited by hand\n"), "nothing was overwritten");

        var forced = await CliRunner.RunAsync("init", "--spec", spec, "--force");
        Assert.That(forced.Exit, Is.EqualTo(0));
        Assert.That(File.ReadAllText(rules), Does.Not.Contain("edited by hand"));
    }

    [Test]
    public async Task Init_BadSpec_ExitsTwoAndWritesNothing()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("init", "--spec", Path.Combine(_dir, "missing.yaml"));

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("error: spec file"));
        Assert.That(Directory.GetFiles(_dir), Is.Empty);
    }

    [Test]
    public async Task Schema_PrintsTheRulesSchema_OrWritesIt()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("schema");

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(stdout.ReplaceLineEndings("\n"), Is.EqualTo(RulesSchema.Generate()));
        Assert.That(JsonNode.Parse(stdout)!["properties"]!.AsObject().Select(p => p.Key), Is.EqualTo(RulesKeysTopLevel()));

        var file = Path.Combine(_dir, "schema", RulesSchema.FileName);
        var written = await CliRunner.RunAsync("schema", "--out", file);
        Assert.That(written.Exit, Is.EqualTo(0));
        Assert.That(File.ReadAllText(file), Is.EqualTo(RulesSchema.Generate()));
    }

    private static string[] RulesKeysTopLevel() => ["extends", "auth", "identities", "errors", "conventions", "rateLimit", "probes", "operations", "responses", "skip", "checks", "expect", "strict"];
}
