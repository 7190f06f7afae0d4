using System.Text;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Spec;
using ContractCheck.Core.Tests.Checks;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Tests.Reporting;

/// <summary>Reporters observe the run: each probe as it ends, in report order, one call at a time; a failing reporter stops nobody.</summary>
public class ObserverTests
{
    private const string TwoReads = """
        openapi: 3.0.3
        info: {title: Two, version: '1'}
        paths:
          /a:
            get:
              responses: {'200': {description: ok}}
          /b:
            get:
              responses: {'200': {description: ok}}
        """;

    [Test]
    public async Task Reporter_IsToldOfAProbeWhileLaterOnesAreStillRunning()
    {
        // GET /b answers only once the reporter has seen GET /a's probe (or after 5 s): the run must stream.
        var seenA = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var api = await TestApi.StartAsync(app =>
        {
            app.MapGet("/a", () => Results.StatusCode(418));
            app.MapGet("/b", async () => await Task.WhenAny(seenA.Task, Task.Delay(5000)) == seenA.Task ? Results.Ok() : Results.StatusCode(504));
        });
        var watcher = new Watcher(p => p.Outcome.Probe.Operation.Path == "/a" && p.Outcome.Probe.Kind == HappyPathProbe.KindId, seenA);

        var report = await Run(api.BaseUrl, TwoReads, workers: 1).ExecuteAsync(watcher);

        Assert.That(report.Case("expected-status", "GET /b").Outcome, Is.EqualTo(Outcome.Passed), "GET /b was answered after the reporter saw GET /a");
        Assert.That(report.Case("status-documented", "GET /a").Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(watcher.Calls, Is.EqualTo(["begin", .. Enumerable.Repeat("probe", report.Probes.Count), "end"]));
    }

    [Test]
    public void RunOrder_ReleasesByStageThenPlanIndex_WhateverOrderProbesEnd()
    {
        // Plan order: a delete (stage Deletes), two reads, a create (stage 1): released creates, reads, deletes.
        Probe P(string method, int stage) => new(HappyPathProbe.KindId, new ApiOperation(method, "/x", new OpenApiOperation(), [], []), [], null) { Stage = stage };
        var plan = new Plan([P("DELETE", Schedule.Deletes), P("GET", Schedule.Reads), P("GET", Schedule.Reads), P("POST", 1)], [], [], 1);
        var released = new List<int>();
        var order = new RunOrder(plan, p => released.Add(p.Index));

        foreach (var index in new[] { 2, 0, 1 })
        {
            order.Add(new ProbeResults(index, new ProbeOutcome(plan.Probes[index], []), []));
        }

        Assert.That(released, Is.Empty, "nothing before the create has ended");
        order.Add(new ProbeResults(3, new ProbeOutcome(plan.Probes[3], []), []));
        Assert.That(released, Is.EqualTo(new[] { 3, 1, 2, 0 }));
    }

    [Test]
    public void Composite_AReporterThatThrows_StopsNeitherTheOthersNorTheRun_AndIsPassedOnAtTheEnd()
    {
        var good = new Watcher(_ => false, null);
        var composite = new CompositeReporter(new Throwing(), good);
        var probe = new Probe(HappyPathProbe.KindId, new ApiOperation("GET", "/x", new OpenApiOperation(), [], []), [], null);

        composite.Begin(null!);
        composite.Probe(new ProbeResults(0, new ProbeOutcome(probe, []), []));
        var thrown = Assert.Throws<InvalidOperationException>(() => composite.End(null!));

        Assert.That(thrown!.Message, Is.EqualTo("broken reporter"));
        Assert.That(good.Calls, Is.EqualTo(new[] { "begin", "probe", "end" }));
    }

    [Test]
    public async Task Console_OutputModes_ShowAllOnlyFailuresOrOnlyTheSummary()
    {
        await using var api = await TestApi.StartAsync(app =>
        {
            app.MapGet("/items", () => Results.Text("{\"success\": false}", "application/json", Encoding.UTF8, 200));
            app.MapPost("/items", () => Results.Text("{\"id\": 7}", "application/json", Encoding.UTF8, 201));
            app.MapGet("/items/{id}", () => Results.Text("{}", "application/json", Encoding.UTF8, 200));
            app.MapDelete("/items/{id}", () => Results.NoContent());
        });
        var (full, failures, summary) = (new TextConsole(), new TextConsole(), new TextConsole());

        await Run(api.BaseUrl, ItemsApi.Spec, workers: 4).RunAsync(new CompositeReporter(
            new ConsoleReporter(full.Console), new ConsoleReporter(failures.Console, mode: OutputMode.Failures), new ConsoleReporter(summary.Console, mode: OutputMode.Summary)));

        var closing = full.Text[full.Text.LastIndexOf('\n', full.Text.Length - 2)..];
        Assert.That(full.Text, Does.Contain("\n  pass ").And.Contain("\n  FAIL ").And.Contain("Design warnings"));
        Assert.That(failures.Text, Does.Not.Contain("\n  pass ").And.Contain("\n  FAIL happy-path           200 OK").And.Contain("reproduce: curl").And.Contain("Design warnings").And.EndWith(closing));
        Assert.That(failures.Text, Does.Not.Contain("TRACE /items (not in the spec)"), "an operation none of whose probes failed is not named");
        Assert.That(summary.Text, Does.Not.Contain("FAIL").And.Not.Contain("reproduce").And.Contain("1 design warning(s)").And.EndWith(closing));
    }

    [Test]
    public async Task CancelledRun_WithoutFailures_IsHeadedCancelledNotPassed()
    {
        // Ctrl-C as the first answer is sent: the run stops with nothing failed.
        using var cancel = new CancellationTokenSource();
        await using var api = await TestApi.StartAsync(app => app.MapGet("/{**rest}", () =>
        {
            cancel.Cancel();
            return Results.Json(new { });
        }));
        var (markdown, html) = (new MemoryStream(), new MemoryStream());

        const string ping = "openapi: 3.0.3\ninfo: {title: Ping, version: '1'}\npaths:\n  /ping:\n    get:\n      responses: {'200': {description: pong, content: {application/json: {schema: {type: object}}}}}\n";
        var run = await Run(api.BaseUrl, ping, workers: 1).RunAsync(new CompositeReporter(new MarkdownReporter(() => markdown), new HtmlReporter(() => html)), cancellationToken: cancel.Token);

        Assert.That((run.Cancelled, run.Failed), Is.EqualTo((true, 0)));
        Assert.That(run.Verdict, Is.EqualTo(RunVerdict.Cancelled));
        Assert.That(Encoding.UTF8.GetString(markdown.ToArray()), Does.StartWith("## ContractCheck: ").And.Contain("— ⏹ cancelled\n"));
        Assert.That(Encoding.UTF8.GetString(html.ToArray()), Does.Contain(">cancelled<").And.Not.Contain(">passed<"));
    }

    [Test]
    public async Task Markdown_LargerThanItsLimit_IsCutWithALineSayingSo()
    {
        await using var api = await TestApi.StartAsync(app => app.MapGet("/{**rest}", () => Results.Text("at Foo.Bar() in /src/Foo.cs:line 1", "text/plain", Encoding.UTF8, 500)));
        var (whole, cut) = (new MemoryStream(), new MemoryStream());

        await Run(api.BaseUrl, ItemsApi.Spec, workers: 4).RunAsync(new CompositeReporter(new MarkdownReporter(() => whole), new MarkdownReporter(() => cut, maxBytes: 4000)));

        var full = Encoding.UTF8.GetString(whole.ToArray());
        var shortened = Encoding.UTF8.GetString(cut.ToArray());
        Assert.That(full.Length, Is.GreaterThan(4000));
        Assert.That(full, Does.Not.Contain("was cut here"));
        Assert.That(cut.ToArray(), Has.Length.LessThanOrEqualTo(4000));
        Assert.That(shortened, Does.StartWith(full[..1000]).And.EndWith("The console log and the `--json` and `--html` reports hold the whole run.\n"));
    }

    private static ContractRun Run(Uri baseUrl, string spec, int workers) => ContractRun.Prepare(new RunSettings
    {
        Spec = "spec.yaml",
        SpecText = spec,
        Rules = "rules.yaml",
        RulesText = "auth:\n  bearer: observer-secret\n",
        BaseUrl = baseUrl,
        Plan = PlanOptions.Default with { Seed = 3 },
        Executor = new ExecutorOptions(baseUrl) { Workers = workers, RequestTimeout = TimeSpan.FromSeconds(10) },
    });

    private sealed class Watcher(Func<ProbeResults, bool> signalOn, TaskCompletionSource? signal) : IReporter
    {
        public List<string> Calls { get; } = [];

        public void Begin(RunStarted run) => Calls.Add("begin");

        public void Probe(ProbeResults probe)
        {
            Calls.Add("probe");
            if (signalOn(probe))
            {
                signal?.TrySetResult();
            }
        }

        public void End(RunFinished run) => Calls.Add("end");
    }

    private sealed class Throwing : IReporter
    {
        public void Begin(RunStarted run)
        {
        }

        public void Probe(ProbeResults probe) => throw new InvalidOperationException("broken reporter");

        public void End(RunFinished run) => throw new InvalidOperationException("not told again");
    }
}
