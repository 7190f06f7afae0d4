using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.Extensions.DependencyInjection;
using TodoApi;

namespace ContractCheck.Core.Tests.Reporting;

/// <summary>The whole pipeline against the example Todo API on a real Kestrel server, and the reports it writes.</summary>
public class TodoApiRunTests
{
    private const string Secret = "sUp3r-s3cret-T0ken-9f2c";

    private static async Task<(RunReport Report, string Console, string JUnit, int Left)> RunAsync(string? extraRules = null)
    {
        var (app, url) = await TodoApp.StartAsync(new TodoApiOptions { Token = Secret });
        try
        {
            var console = new TextConsole();
            var junit = new MemoryStream();
            var rules = TodoApiFiles.Rules + (extraRules ?? "");
            var settings = new RunSettings
            {
                Spec = "openapi.yaml",
                SpecText = TodoApiFiles.OpenApi,
                Rules = "contractcheck.yaml",
                RulesText = rules,
                BaseUrl = url,
                Plan = ContractCheck.Core.Probes.PlanOptions.Default with { Seed = 11 },
                Environment = n => n == "TODO_API_TOKEN" ? Secret : null,
            };
            var report = await ContractRun.Prepare(settings).ExecuteAsync(new CompositeReporter(new ConsoleReporter(console.Console), new JUnitReporter(() => new NonClosing(junit))));
            var left = app.Services.GetRequiredService<TodoStore>().Count;
            return (report, console.Text, System.Text.Encoding.UTF8.GetString(junit.ToArray()), left);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Test]
    public async Task Run_TodoApi_EveryCheckPassesAndNothingIsLeftBehind()
    {
        var (report, console, _, left) = await RunAsync();

        Assert.That(report.Cases.Where(c => c.Outcome != Outcome.Passed).Select(c => $"{c.Operation.Key} {c.Name}: {c.Results[0].Finding.Message}"), Is.Empty);
        Assert.That(report.Success, Is.True);
        Assert.That(report.Passed, Is.GreaterThan(30));
        Assert.That(console, Does.EndWith($"{report.Passed} passed, 0 failed, 0 skipped ({report.RequestsSent} requests in {report.Duration.TotalSeconds:0.0} s, seed 11)\n"));
        Assert.That(left, Is.Zero, "the run deleted the todo it created");
    }

    [Test]
    public async Task Run_RuleTheApiBreaks_FailsWithTheCheckNamedInJUnit()
    {
        var (report, console, junit, _) = await RunAsync("  - status: 200\n    probe: happy-path\n    operation: listTodos\n    require: {headers: [Cache-Control]}\n    why: lists must say how long they stay fresh\n");

        Assert.That(report.Success, Is.False);
        Assert.That(report.Failed, Is.EqualTo(1));
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
        Assert.That(console, Does.Not.Contain(Secret).And.Contain("-H 'Authorization: ***'"));
        Assert.That(junit, Does.Not.Contain(Secret).And.Contain("Authorization: ***"));
    }

    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
