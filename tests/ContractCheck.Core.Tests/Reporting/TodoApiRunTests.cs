using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using TodoApi;

namespace ContractCheck.Core.Tests.Reporting;

/// <summary>The whole pipeline against the example Todo API on a real Kestrel server, and the reports it writes.</summary>
public class TodoApiRunTests
{
    private const string Secret = "sUp3r-s3cret-T0ken-9f2c";

    private static async Task<(RunReport Report, string Console, string JUnit, int Left)> RunAsync(string? extraRules = null)
    {
        await using var todo = await TestApi.StartTodoAsync(new TodoApiOptions { Token = Secret });
        var console = new TextConsole();
        var junit = new MemoryStream();
        var reporter = new CompositeReporter(new ConsoleReporter(console.Console), new JUnitReporter(() => junit));
        var report = await Pipeline.RunTodoAsync(todo.BaseUrl, TodoApiFiles.Rules + (extraRules ?? ""), seed: 11, token: Secret, reporter: reporter);

        // The reporter has closed the stream; ToArray still reads a closed MemoryStream.
        return (report, console.Text, System.Text.Encoding.UTF8.GetString(junit.ToArray()), todo.Todos);
    }

    [Test]
    public async Task Run_TodoApi_EveryCheckPassesAndNothingIsLeftBehind()
    {
        var (report, console, junit, left) = await RunAsync();

        Assert.That(report.NotPassed(), Is.Empty);
        Assert.That(report.Success, Is.True);
        Assert.That(report.Passed, Is.GreaterThan(30));
        Assert.That(console, Does.Match(@"\n\d+ passed, 0 failed, 0 skipped \(\d+ requests in \d+\.\d s, seed 11\)\n$"));
        var testcases = XDocument.Parse(junit).Descendants("testsuite").Where(s => (string?)s.Attribute("name") != JUnitReporter.RunSuiteName)
            .Descendants("testcase").Count(t => !t.Elements().Any(e => e.Name.LocalName is "failure" or "error" or "skipped"));
        Assert.That(console, Does.Contain($"\n{testcases} passed, "), "the console's count is the JUnit's count of passing test cases");
        Assert.That(left, Is.Zero, "the run deleted the todo it created");
    }

    [Test]
    public async Task Run_RuleTheApiBreaks_FailsWithTheCheckNamedInJUnit()
    {
        var (report, console, junit, _) = await RunAsync("  - status: 200\n    probe: happy-path\n    operation: listTodos\n    require: {headers: [Cache-Control]}\n    why: lists must say how long they stay fresh\n");

        Assert.That(report.Success, Is.False);
        Assert.That(report.Failed, Is.EqualTo(1), console);
        Assert.That(console, Does.Contain("response-rules: Rules table row broken"));
        var failure = XDocument.Parse(junit).Descendants("failure").Single();
        Assert.That(failure.Parent!.Attribute("name")!.Value, Is.EqualTo("happy-path: response-rules"));
        Assert.That(failure.Parent.Parent!.Attribute("name")!.Value, Is.EqualTo("GET /todos (listTodos)"));
        Assert.That(failure.Attribute("message")!.Value, Is.EqualTo("Rules table row broken: expected header Cache-Control, got no such header"));
        Assert.That(failure.Value, Does.Contain("curl -i -X GET 'http://127.0.0.1:"));
    }

    [Test]
    public async Task Run_JUnit_IsValidAgainstJenkinsSchema()
    {
        var xsd = SharedData.Require("junit/junit-10.xsd");
        var (_, _, junit, _) = await RunAsync("  - status: 2xx\n    operation: health\n    require: {headers: [X-Missing]}\n");

        var schemas = new XmlSchemaSet();
        schemas.Add(null, xsd);
        var errors = new List<string>();
        XDocument.Parse(junit).Validate(schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));

        Assert.That(errors, Is.Empty);
        Assert.That(XDocument.Parse(junit).Descendants("testcase").Count(), Is.GreaterThan(30));
    }

    [Test]
    public async Task Run_Secret_AppearsInNoOutput()
    {
        // A failing row on every secured operation puts curl lines (with the Authorization header) in every report.
        var (report, console, junit, _) = await RunAsync("  - status: [2xx, 4xx]\n    require: {headers: [X-Never]}\n");

        Assert.That(report.Failed, Is.GreaterThan(4));
        Assert.That(console, Does.Not.Contain(Secret).And.Contain("-H 'Authorization: Bearer '\"${TODO_API_TOKEN}\""), "the reproduction names the variable the token came from");
        Assert.That(junit, Does.Not.Contain(Secret).And.Contain("Authorization: Bearer '\"${TODO_API_TOKEN}\""));
    }
}
