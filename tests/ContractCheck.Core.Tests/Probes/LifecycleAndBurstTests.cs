using System.Text;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Tests.Checks;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TodoApi;

namespace ContractCheck.Core.Tests.Probes;

/// <summary>Lifecycle chains, bursts and the target's own rate limits, against real servers with one mistake each.</summary>
public class LifecycleAndBurstTests
{
    private static async Task<(RunReport Report, int Left)> RunAsync(TodoApiOptions? options = null, Action<WebApplication>? mistake = null, bool burst = true)
    {
        await using var todo = await TestApi.StartTodoAsync(options, mistake);
        var report = await Pipeline.RunTodoAsync(todo.BaseUrl, TodoApiFiles.Rules + (burst ? "" : "probes:\n  burst: off\n"), seed: 9);
        return (report, todo.Todos);
    }

    private static List<Finding> Failed(RunReport report, string check, string? probe = null) =>
        report.Results.Where(r => r.Finding.Check == check && r.Finding.Outcome == Outcome.Failed && (probe is null || r.Probe.Kind == probe)).Select(r => r.Finding).ToList();

    [Test]
    public async Task TodoApi_LifecycleAndBurstPass_AndNothingIsLeft()
    {
        var (report, left) = await RunAsync();

        Assert.That(report.NotPassed(), Is.Empty);
        var burst = report.Results.Select(r => r.Exchange?.Burst).First(b => b is not null)!;
        Assert.That(burst.Sent, Is.EqualTo(150));
        Assert.That(burst.Limited, Is.GreaterThan(0));
        Assert.That(left, Is.Zero);
    }

    [Test]
    public async Task Burst_NoRateLimit_Fails()
    {
        var (report, _) = await RunAsync(new TodoApiOptions { RateLimit = 1_000_000 });

        Assert.That(Failed(report, "rate-limited").Single().Message, Does.StartWith("burst on GET /todos: 150 requests in").And.EndsWith("— the operation has no rate limit, or a looser one than the rules say"));
    }

    [Test]
    public async Task Burst_429WithoutRetryAfter_Fails()
    {
        var (report, _) = await RunAsync(mistake: Mistake.Answer((ctx, status, body) =>
        {
            if (status == 429)
            {
                ctx.Response.Headers.Remove("Retry-After");
            }

            return Task.FromResult(false);
        }));

        Assert.That(Failed(report, "retry-after").Single().Message, Does.Match(@"^\d+ of \d+ 429 answers have no valid Retry-After"));
    }

    [Test]
    public async Task Burst_LargeGzippedAnswers_AreReadLikeAnyOtherProbe()
    {
        // 100 KB of todos, gzipped though nobody asked: the burst's kept answers are decoded and read whole, as any probe's are.
        var todos = "[" + string.Join(",", Enumerable.Range(1, 1000).Select(i => $"{{\"id\":{i},\"title\":\"Todo number {i} of a long list\",\"done\":false,\"createdAt\":\"2026-11-22T08:00:00Z\"}}")) + "]";
        using var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(todos));
        }

        var (report, _) = await RunAsync(mistake: Mistake.Answer(async (ctx, status, _) =>
        {
            if (ctx.Request.Method != "GET" || ctx.Request.Path != "/todos" || status != 200)
            {
                return false;
            }

            ctx.Response.Headers.Remove("Content-Length");
            ctx.Response.Headers.ContentEncoding = "gzip";
            await ctx.Response.Body.WriteAsync(packed.ToArray());
            return true;
        }));

        var burst = report.Results.Where(r => r.Probe.Kind == "burst").ToList();
        Assert.That(burst.Where(r => r.Exchange?.Planned.Step != "recovery").Select(r => r.Exchange?.Response?.Body.Length), Does.Contain(todos.Length), "the burst kept a whole, decoded 200");
        Assert.That(burst.Where(r => r.Finding.Outcome != Outcome.Passed).Select(r => $"{r.Finding.Check}: {r.Finding.Message}"), Is.Empty);
    }

    [Test]
    public async Task Burst_5xxUnderLoad_Fails()
    {
        var count = 0;
        var (report, _) = await RunAsync(mistake: Mistake.Answer((ctx, status, _) =>
            ctx.Request.Method == "GET" && ctx.Request.Path == "/todos" && Interlocked.Increment(ref count) % 7 == 0
                ? Mistake.Replace(ctx, 500, "{\"title\":\"Internal Server Error\",\"status\":500}", TodoApp.ProblemJson)
                : Task.FromResult(false)));

        Assert.That(Failed(report, "no-errors-under-load").Single().Message, Does.Match(@"^burst on GET /todos: \d+ answers were 5xx \(500 ×\d+\)"));
    }

    [Test]
    public async Task Lifecycle_DeleteThatLeavesTheItemReadable_IsUseAfterDelete()
    {
        var (report, _) = await RunAsync(burst: false, mistake: Mistake.Request(async ctx =>
        {
            if (ctx.Request.Method != "DELETE")
            {
                return false;
            }

            ctx.Response.StatusCode = 204;
            await Task.CompletedTask;
            return true;
        }));

        var useAfterDelete = report.Results.Single(r => r.Probe.Kind == "lifecycle" && r.Finding.Title == "Use after delete" && r.Probe.Operation.OperationId == "createTodo");
        Assert.That(useAfterDelete.Finding.Message, Does.Match(@"^USE AFTER DELETE: GET /todos/\{id\} still answers 200 for /todos/\d+ after its DELETE succeeded"));
    }

    [Test]
    public async Task Lifecycle_LocationThat404s_Fails()
    {
        var (report, _) = await RunAsync(burst: false, mistake: Mistake.Answer((ctx, status, _) =>
        {
            if (status == 201)
            {
                ctx.Response.Headers.Location = ctx.Response.Headers.Location.ToString().Replace("/todos/", "/todo/", StringComparison.Ordinal);
            }

            return Task.FromResult(false);
        }));

        var failure = report.Results.Single(r => r.Probe.Kind == "lifecycle" && r.Finding.Title == "Location does not resolve");
        Assert.That(failure.Finding.Message, Does.Match(@"^the Location of the created item \(/todo/\d+\) answers 404$"));
    }

    [Test]
    public async Task Lifecycle_ReadDiffersFromWhatWasCreated_Fails()
    {
        var (report, _) = await RunAsync(burst: false, mistake: Mistake.Answer((ctx, status, body) =>
            ctx.Request.Method == "GET" && status == 200 && ctx.Request.Path.StartsWithSegments("/todos") && ctx.Request.Path.Value!.Length > "/todos/".Length
                ? Mistake.Replace(ctx, 200, Encoding.UTF8.GetString(body).Replace("Write the report", "Write teh report", StringComparison.Ordinal))
                : Task.FromResult(false)));

        Assert.That(Failed(report, "read-matches-create", LifecycleProbe.KindId).Single().Message, Does.Match("^GET /todos/\\{id\\} read back after its create: 'title' is \"Write teh report .+\" but was created as \"Write the report .+\"$"));
    }

    [Test]
    public async Task RateLimitedTarget_100Per10sScaledDown_GivesACleanRun()
    {
        // 20 per 2 s is the 100-per-10-s limit in a fifth of the time; the run sends three times that.
        var (report, left) = await RunAsync(new TodoApiOptions { RateLimit = 20, RateLimitWindow = TimeSpan.FromSeconds(2) });

        Assert.That(report.NotPassed(), Is.Empty);
        Assert.That(report.Outcomes.SelectMany(o => o.Exchanges).Count(e => e.RateLimitWaits.Count > 0), Is.GreaterThan(0), "the run met the limit and waited");
        Assert.That(left, Is.Zero);
    }

    [Test]
    public async Task Cancelled_RunStillDeletesWhatItCreated()
    {
        using var cancel = new CancellationTokenSource();
        var created = 0;
        await using var todo = await TestApi.StartTodoAsync(before: Mistake.Request(ctx =>
        {
            if (ctx.Request.Method == "POST")
            {
                Interlocked.Increment(ref created);
            }

            // Cancel as soon as the run reads an item: creates have happened, deletes have not.
            if (ctx.Request.Method == "GET" && ctx.Request.Path.Value!.StartsWith("/todos/", StringComparison.Ordinal))
            {
                cancel.Cancel();
            }

            return Task.FromResult(false);
        }));

        var report = await Pipeline.RunTodoAsync(todo.BaseUrl, seed: 0, cancellationToken: cancel.Token);

        Assert.That(report.Cancelled, Is.True);
        Assert.That(report.Outcomes.Count(o => o.WasCancelled), Is.GreaterThan(0));
        Assert.That(created, Is.GreaterThan(0), "the run had created todos before it was cancelled");
        Assert.That(todo.Todos, Is.Zero, "and deleted them all on the way out");
    }

    // A fixed window of 100 that resets halfway through a burst of 60 with 40 left lets all 60 through: not judged. The
    // same answers without the reset (remaining running down to 0, never a 429) are a limit not enforced.
    [TestCase(true, Outcome.Skipped)]
    [TestCase(false, Outcome.Failed)]
    public async Task RateLimited_NoThrottling_IsNotJudgedWhereTheWindowBeganAgainDuringTheBurst(bool resets, Outcome expected)
    {
        var served = 0;
        await using var api = await TestApi.StartAsync(app => app.MapGet("/items", (HttpContext ctx) =>
        {
            var n = Interlocked.Increment(ref served);
            ctx.Response.Headers["X-RateLimit-Limit"] = "100";
            ctx.Response.Headers["X-RateLimit-Remaining"] = (resets ? (n <= 40 ? 40 - n : 100 - (n - 40)) : Math.Max(0, 60 - n)).ToString();
            return Results.Text("[]", "application/json", Encoding.UTF8, 200);
        }));

        var report = await Pipeline.RunAsync(ItemsApi.Spec, "rateLimit:\n  - {operation: listItems, requests: 60, within: 1s, concurrency: 1}\nprobes: {wrong-method: off}\n", api.BaseUrl, ["listItems"]);

        var limited = report.Case("rate-limited", probe: "burst (60 in 1 s)");
        Assert.That(limited.Outcome, Is.EqualTo(expected));
        Assert.That(limited.Results.Select(r => r.Finding.Message).ToList(), resets ? Has.Some.Contains("a new window began during the burst") : Has.Some.Contains("no rate limit"));
    }

    [Test]
    public async Task RateLimitHeaders_RemainingGrowingWithinAWindow_Fails()
    {
        var remaining = 100;
        await using var api = await TestApi.StartAsync(app => app.MapGet("/items", (HttpContext ctx) =>
        {
            var now = Interlocked.Decrement(ref remaining);
            ctx.Response.Headers["X-RateLimit-Limit"] = "100";
            ctx.Response.Headers["X-RateLimit-Remaining"] = (now % 40 == 0 ? 90 : Math.Max(0, now - 60)).ToString();
            if (now < 70)
            {
                ctx.Response.Headers.RetryAfter = "1";
                return Results.Text("{}", "application/json", Encoding.UTF8, 429);
            }

            return Results.Text("[]", "application/json", Encoding.UTF8, 200);
        }));

        var report = await Pipeline.RunAsync(ItemsApi.Spec, "rateLimit:\n  - {operation: listItems, requests: 60, within: 1s, concurrency: 1}\nprobes: {wrong-method: off}\n", api.BaseUrl, ["listItems"]);

        Assert.That(report.Case("rate-limit-headers", probe: "burst (60 in 1 s)").Problems.Single().Finding.Message, Does.Match(@"^burst on GET /items: remaining rose from \d+ to 90 on answer \d+ without a new window$"));
    }
}
