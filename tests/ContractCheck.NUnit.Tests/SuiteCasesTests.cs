using ContractCheck.Core.Reporting;
using ContractCheck.NUnit.Tests.Support;
using ContractCheck.Tests;
using TodoApi;

namespace ContractCheck.NUnit.Tests;

/// <summary>
/// A suite whose run finds mistakes, driven case by case: the Todo API in process through a TestServer handler, with
/// a rules file that asks the list for a header it does not send and gives a create body the API refuses (and nothing
/// that depends on this machine's speed: <see cref="TodoContract.RulesUntimed"/>).
/// </summary>
public class SuiteCasesTests
{
    private const string Secret = "s3cr3t-todo-token-7f2b";

    private string _dir = null!;
    private InProcessTodo _api = null!;
    private ContractSuite _suite = null!;
    private List<CaseResult> _results = null!;

    [OneTimeSetUp]
    public async Task RunTheSuite()
    {
        _dir = Directory.CreateTempSubdirectory("cc-nunit-").FullName;
        var rules = Path.Combine(_dir, "contractcheck.yaml");
        var text = TodoContract.RulesTextUntimed().Replace("body: {title: \"Write the report {{uuid}}\", done: false}", "body: {title: \"\", done: false}", StringComparison.Ordinal);
        Assert.That(text, Does.Contain("title: \"\""), "the create body of the Todo rules changed; update this test");
        File.WriteAllText(rules, text + "  - status: 200\n    operation: listTodos\n    probe: happy-path\n    require: {headers: [Cache-Control]}\n    why: lists must say how long they stay fresh\n");

        _api = await InProcessTodo.StartAsync(new TodoApiOptions { Token = Secret });
        _suite = ContractSuite.FromSpec(TodoContract.Spec).WithRules(rules).Against(_api.Handler).WithSeed(5)
            .WithEnvironment(name => name == "TODO_API_TOKEN" ? Secret : null);
        _results = CaseResult.All(_suite);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _api.DisposeAsync();
        Directory.Delete(_dir, true);
    }

    private CaseResult Case(string name) => _results.Single(r => r.Name == name);

    [Test]
    public void FailingCase_Message_IsWhatTheConsolePrintsForTheProbe()
    {
        var report = _suite.Run!.ReportAsync().GetAwaiter().GetResult();
        var console = new TextConsole();
        var reporter = new ConsoleReporter(console.Console);
        reporter.Begin(report.Finished.Run);
        foreach (var probe in report.Probes)
        {
            reporter.Probe(probe);
        }

        reporter.End(report.Finished);

        var failed = _results.Where(r => r.Outcome == CaseResult.Failed).ToList();
        Assert.That(failed.Select(r => r.Name), Is.EquivalentTo(new[] { "GET /todos: happy-path", "POST /todos: happy-path" }));
        foreach (var result in failed)
        {
            var lines = result.Message.ReplaceLineEndings("\n").Split('\n');
            var block = string.Join("\n", lines.TakeWhile(l => !l.StartsWith("The reproduce lines", StringComparison.Ordinal)));
            Assert.That(console.Text.ReplaceLineEndings("\n"), Does.Contain(block + "\n"), result.Name);
            Assert.That(lines[0], Does.StartWith("  FAIL happy-path"));
            Assert.That(lines[^2], Is.EqualTo("The reproduce lines hold no secrets: set TODO_API_TOKEN in your shell first."));
            Assert.That(lines[^1], Is.EqualTo("seed 5: ContractSuite.WithSeed(5) sends the same requests"));
        }

        Assert.That(Case("GET /todos: happy-path").Message, Does.Contain("response-rules: Rules table row broken")
            .And.Contain("200: header Cache-Control is missing — lists must say how long they stay fresh")
            .And.Contain("reproduce: curl -i -X GET 'http://localhost/todos'")
            .And.Contain("response: 200 OK, application/json"));
        Assert.That(Case("POST /todos: happy-path").Message, Does.Contain("expected: 201  actual: 422"));
    }

    [Test]
    public void ProbeThatCouldNotBeTested_IsIgnoredWithTheReason()
    {
        var result = Case("GET /todos/{id}: happy-path");

        Assert.That(result.Outcome, Is.EqualTo(CaseResult.Ignored));
        Assert.That(result.Message, Does.Contain("no /todos item to test with").And.Contain("createTodo answered 422"));
    }

    [Test]
    public void PassingCase_WritesTheProbesLine()
    {
        var result = _results.Single(r => r.Name.StartsWith("GET /health: happy-path", StringComparison.Ordinal));

        Assert.That(result.Outcome, Is.EqualTo(CaseResult.Passed));
        Assert.That(result.Output, Does.StartWith("  pass happy-path").And.Contain(" 200 OK, ").And.Contain(" checks passed"));
    }

    [Test]
    public void Secret_AppearsInNoMessageAndNoOutput()
    {
        Assert.That(_results.Count(r => r.Message.Contains("-H 'Authorization: Bearer '\"${TODO_API_TOKEN}\"", StringComparison.Ordinal)), Is.GreaterThan(0),
            "the reproduce lines name the variable the token came from");
        Assert.That(_results.Where(r => (r.Message + r.Output).Contains(Secret, StringComparison.Ordinal)).Select(r => r.Name), Is.Empty);
    }

    [Test]
    public void Run_IsSentOnce()
    {
        var report = _suite.Run!.ReportAsync().GetAwaiter().GetResult();

        Assert.That(_suite.Cases().Count(), Is.EqualTo(_results.Count));
        Assert.That(CaseResult.Of(_suite.Cases().First()).Outcome, Is.EqualTo(_results[0].Outcome), "a case asked again judges the same run");
        Assert.That(_suite.Run.ReportAsync().GetAwaiter().GetResult(), Is.SameAs(report), "the plan is sent once");
    }
}
