using ContractCheck.Core.Checks;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TodoApi;

namespace ContractCheck.Core.Tests.Execution;

/// <summary>Only the base URL's origin is contacted: Locations and redirects to other hosts are reported, never followed, and no credential goes there.</summary>
public class OriginTests
{
    private static Task<RunReport> RunAsync(Uri url) => Pipeline.RunTodoAsync(url, TodoApiFiles.Rules + "probes:\n  burst: off\n", seed: 2);

    [Test]
    public async Task AbsoluteLocationOnAnotherHost_IsNotFollowed_AndGetsNoCredentials()
    {
        await using var elsewhere = await TestApi.StartAsync(app => app.Map("/{**rest}", () => Results.Ok()));
        await using var todo = await TestApi.StartTodoAsync(before: Mistake.Answer((ctx, status, _) =>
        {
            if (status == 201)
            {
                ctx.Response.Headers.Location = new Uri(elsewhere.BaseUrl, ctx.Response.Headers.Location.ToString()).ToString();
            }

            return Task.FromResult(false);
        }));

        var report = await RunAsync(todo.BaseUrl);

        var read = report.Outcomes.Single(o => o.Probe.Kind == "lifecycle" && o.Probe.Operation.OperationId == "createTodo").Exchanges.Single(e => e.Planned.Step == Steps.Read);
        Assert.That(read.Error, Does.Contain("is on another origin; ContractCheck contacts only " + todo.BaseUrl.GetLeftPart(UriPartial.Authority)));
        Assert.That(elsewhere.Requests, Is.Zero, "nothing was sent to the other host");
    }

    [Test]
    public async Task RedirectToAnotherHost_IsReportedNotFollowed()
    {
        await using var elsewhere = await TestApi.StartAsync(app => app.Map("/{**rest}", () => Results.Ok()));
        await using var todo = await TestApi.StartTodoAsync(before: Mistake.Request(ctx =>
        {
            if (ctx.Request.Method == "GET" && ctx.Request.Path == "/todos")
            {
                ctx.Response.Redirect(new Uri(elsewhere.BaseUrl, "/todos").ToString());
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }));

        var report = await RunAsync(todo.BaseUrl);

        var list = report.Results.Single(r => r.Probe.Kind == "happy-path" && r.Probe.Operation.Key == "GET /todos" && r.Finding.Check == "expected-status");
        Assert.That(list.Finding.Message, Does.StartWith("happy-path on GET /todos: expected 200, got 302"));
        Assert.That(elsewhere.Requests, Is.Zero);
    }

    [Test]
    public async Task Burst_SendsExactlyItsRequestsAndOneForRecovery()
    {
        var listed = 0;
        await using var todo = await TestApi.StartTodoAsync(before: Mistake.Request(ctx =>
        {
            if (ctx.Request.Method == "GET" && ctx.Request.Path == "/todos")
            {
                Interlocked.Increment(ref listed);
            }

            return Task.FromResult(false);
        }));

        var report = await Pipeline.RunTodoAsync(todo.BaseUrl, seed: 0, include: ["listTodos"]);

        var others = report.Outcomes.Where(o => o.Probe.Burst is null).SelectMany(o => o.Exchanges).Count(e => e.Request.Method == "GET" && e.Request.Url.AbsolutePath == "/todos");
        Assert.That(listed, Is.EqualTo(150 + 1 + others), "the burst's 150, its recovery request, and the other probes' requests — nothing more");
        Assert.That(report.Results.Any(r => r.Finding.Outcome is Outcome.Failed or Outcome.Error), Is.False);
    }
}
