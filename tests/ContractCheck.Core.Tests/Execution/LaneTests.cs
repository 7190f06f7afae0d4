using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Core.Tests.Execution;

/// <summary>
/// The scheduler under --workers 8, seen from the server: a lifecycle chain and the parents it needs keep their
/// order, the request ceiling holds exactly, and a 429 one worker gets pauses every worker.
/// </summary>
public class LaneTests
{
    private const string Nested = """
        openapi: 3.0.3
        info: {title: Nested, version: '1'}
        paths:
          /parents:
            post:
              operationId: createParent
              requestBody: {required: true, content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}
              responses:
                '201': {description: made, headers: {Location: {schema: {type: string}}}, content: {application/json: {schema: {type: object}}}}
          /parents/{pid}:
            parameters: [{name: pid, in: path, required: true, schema: {type: string}}]
            get:
              operationId: getParent
              responses: {'200': {description: it, content: {application/json: {schema: {type: object}}}}, '404': {description: none}}
            delete:
              operationId: deleteParent
              responses: {'204': {description: deleted}, '404': {description: none}}
          /parents/{pid}/children:
            parameters: [{name: pid, in: path, required: true, schema: {type: string}}]
            post:
              operationId: createChild
              requestBody: {required: true, content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}
              responses:
                '201': {description: made, headers: {Location: {schema: {type: string}}}, content: {application/json: {schema: {type: object}}}}
                '404': {description: no parent}
          /parents/{pid}/children/{cid}:
            parameters:
              - {name: pid, in: path, required: true, schema: {type: string}}
              - {name: cid, in: path, required: true, schema: {type: string}}
            get:
              operationId: getChild
              responses: {'200': {description: it, content: {application/json: {schema: {type: object}}}}, '404': {description: none}}
            delete:
              operationId: deleteChild
              responses: {'204': {description: deleted}, '404': {description: none}}
        """;

    private static RunSettings Settings(string spec, Uri baseUrl, int workers, int maxRequests = 10_000) => new()
    {
        Spec = "spec.yaml",
        SpecText = spec,
        Rules = "rules.yaml",
        RulesText = "# built-in tables only\n",
        BaseUrl = baseUrl,
        Plan = PlanOptions.Default with { Seed = 5 },
        Executor = new ExecutorOptions(baseUrl) { Workers = workers, MaxRequests = maxRequests, RequestTimeout = TimeSpan.FromSeconds(10) },
    };

    [Test]
    public async Task ParentsAndTheirChildChains_KeepTheirOrderUnderEightWorkers()
    {
        // Every request as the server saw it, in arrival order; a child request of an unknown parent is a 404 it records.
        var log = new ConcurrentQueue<(long At, string Method, string Path, int Status)>();
        var parents = new ConcurrentDictionary<string, bool>();
        var children = new ConcurrentDictionary<string, bool>();
        var clock = Stopwatch.StartNew();
        var next = 0;
        await using var api = await TestApi.StartAsync(app =>
        {
            app.Use(async (ctx, nextStep) =>
            {
                await nextStep(ctx);
                log.Enqueue((clock.ElapsedTicks, ctx.Request.Method, ctx.Request.Path.Value!, ctx.Response.StatusCode));
            });
            app.MapPost("/parents", async (HttpContext ctx) =>
            {
                await Task.Delay(5);
                var id = "p" + Interlocked.Increment(ref next);
                parents[id] = true;
                return Results.Created($"/parents/{id}", new { id });
            });
            app.MapGet("/parents/{pid}", (string pid) => parents.ContainsKey(pid) ? Results.Json(new { id = pid }) : Results.NotFound());
            app.MapDelete("/parents/{pid}", (string pid) => parents.TryRemove(pid, out _) ? Results.NoContent() : Results.NotFound());
            app.MapPost("/parents/{pid}/children", async (string pid) =>
            {
                await Task.Delay(5);
                if (!parents.ContainsKey(pid))
                {
                    return Results.NotFound();
                }

                var id = "c" + Interlocked.Increment(ref next);
                children[pid + "/" + id] = true;
                return Results.Created($"/parents/{pid}/children/{id}", new { id });
            });
            app.MapGet("/parents/{pid}/children/{cid}", (string pid, string cid) => children.ContainsKey(pid + "/" + cid) ? Results.Json(new { id = cid }) : Results.NotFound());
            app.MapDelete("/parents/{pid}/children/{cid}", (string pid, string cid) => children.TryRemove(pid + "/" + cid, out _) ? Results.NoContent() : Results.NotFound());
        });

        var report = await ContractRun.Prepare(Settings(Nested, api.BaseUrl, workers: 8)).ExecuteAsync(new CompositeReporter());

        // In arrival order: no request under a parent after that parent's DELETE was answered 204.
        var entries = log.OrderBy(e => e.At).ToList();
        var deleted = new HashSet<string>();
        foreach (var (_, method, path, status) in entries)
        {
            var parent = Regex.Match(path, "^/parents/(p\\d+)(/children.*)?$");
            if (!parent.Success)
            {
                continue;
            }

            if (parent.Groups[2].Success)
            {
                Assert.That(deleted, Does.Not.Contain(parent.Groups[1].Value), $"{method} {path} came after its parent was deleted");
            }
            else if (method == "DELETE" && status == 204)
            {
                deleted.Add(parent.Groups[1].Value);
            }
        }

        Assert.That(entries.Where(e => e.Path.Contains("/children", StringComparison.Ordinal) && Regex.IsMatch(e.Path, "^/parents/p\\d+/") && e.Status == 404 && e.Method == "POST"), Is.Empty,
            "no child is created under a parent that is not there (yet, or any more)");
        Assert.That(report.Created, Is.GreaterThan(2));
        Assert.That(report.Deleted, Is.EqualTo(report.Created));
        Assert.That(parents, Is.Empty);
        Assert.That(children, Is.Empty);
    }

    private static string ManyReads(int count)
    {
        var spec = new StringBuilder("openapi: 3.0.3\ninfo: {title: Many, version: '1'}\npaths:\n");
        for (var i = 0; i < count; i++)
        {
            spec.Append($"  /r{i}:\n    get:\n      operationId: read{i}\n      responses: {{'200': {{description: ok, content: {{application/json: {{schema: {{type: object}}}}}}}}}}\n");
        }

        return spec.ToString();
    }

    [TestCase(1)]
    [TestCase(8)]
    public async Task TheRequestCeiling_HoldsExactlyUnderConcurrency(int workers)
    {
        await using var api = await TestApi.StartAsync(app => app.MapFallback(async () =>
        {
            await Task.Delay(10);
            return Results.Json(new { });
        }));

        var report = await ContractRun.Prepare(Settings(ManyReads(20), api.BaseUrl, workers, maxRequests: 37)).ExecuteAsync(new CompositeReporter());

        Assert.That(report.Plan.RequestCount, Is.GreaterThan(37), "the plan needs more than the ceiling");
        Assert.That(api.Requests, Is.EqualTo(37));
        Assert.That(report.Cases.Where(c => c.Outcome == ContractCheck.Core.Checks.Outcome.Skipped).Select(c => c.Results[0].Finding.Message), Has.Some.Contains("--max-requests (37) reached"));
    }

    [Test]
    public async Task A429ToOneWorker_PausesEveryWorker()
    {
        // The 10th request is answered 429 with Retry-After: 1; the server notes when every request arrived.
        var arrivals = new ConcurrentQueue<long>();
        long limitedAt = -1;
        var count = 0;
        var clock = Stopwatch.StartNew();
        await using var api = await TestApi.StartAsync(app => app.MapFallback(async (HttpContext ctx) =>
        {
            var now = clock.ElapsedMilliseconds;
            arrivals.Enqueue(now);
            await Task.Delay(20);
            if (Interlocked.Increment(ref count) == 10)
            {
                Interlocked.Exchange(ref limitedAt, clock.ElapsedMilliseconds);
                ctx.Response.Headers.RetryAfter = "1";
                return Results.Json(new { message = "slow down" }, statusCode: 429);
            }

            return Results.Json(new { });
        }));

        var report = await ContractRun.Prepare(Settings(ManyReads(12), api.BaseUrl, workers: 8)).ExecuteAsync(new CompositeReporter());

        Assert.That(limitedAt, Is.GreaterThan(0));
        // Requests already on their way when the 429 left arrive within a few ms; none is sent during the pause.
        var during = arrivals.Where(at => at > limitedAt + 250 && at < limitedAt + 900).ToList();
        Assert.That(during, Is.Empty, $"requests arrived {string.Join(", ", during.Select(at => at - limitedAt))} ms after the 429");
        Assert.That(arrivals.Count(at => at >= limitedAt + 900), Is.GreaterThan(0), "the run goes on after the pause");
        Assert.That(report.Outcomes.SelectMany(o => o.Exchanges).Count(e => e.Throttled.Count > 0), Is.EqualTo(1), "the limited request was sent again");
        Assert.That(report.RequestsSent, Is.EqualTo(arrivals.Count));
    }
}
