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
    private static async Task<RunReport> RunAsync(Uri url)
    {
        var settings = new RunSettings
        {
            Spec = "openapi.yaml",
            SpecText = TodoApiFiles.OpenApi,
            Rules = "contractcheck.yaml",
            RulesText = TodoApiFiles.Rules + "probes:\n  burst: off\n",
            BaseUrl = url,
            Plan = PlanOptions.Default with { Seed = 2 },
            Environment = n => n == "TODO_API_TOKEN" ? TodoApiOptions.DefaultToken : null,
        };
        return await ContractRun.Prepare(settings).ExecuteAsync(new CompositeReporter());
    }

    [Test]
    public async Task AbsoluteLocationOnAnotherHost_IsNotFollowed_AndGetsNoCredentials()
    {
        await using var elsewhere = await TestApi.StartAsync(app => app.Map("/{**rest}", () => Results.Ok()));
        var (app, url) = await TodoApp.StartAsync(new TodoApiOptions(), Mistake.Answer((ctx, status, _) =>
        {
            if (status == 201)
            {
                ctx.Response.Headers.Location = new Uri(elsewhere.BaseUrl, ctx.Response.Headers.Location.ToString()).ToString();
            }

            return Task.FromResult(false);
        }));
        try
        {
            var report = await RunAsync(url);

            var read = report.Outcomes.Single(o => o.Probe.Kind == "lifecycle").Exchanges.Single(e => e.Planned.Step == "read");
            Assert.That(read.Error, Does.Contain("is on another origin; ContractCheck contacts only " + url.GetLeftPart(UriPartial.Authority)));
            Assert.That(elsewhere.Requests, Is.Zero, "nothing was sent to the other host");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Test]
    public async Task RedirectToAnotherHost_IsReportedNotFollowed()
    {
        await using var elsewhere = await TestApi.StartAsync(app => app.Map("/{**rest}", () => Results.Ok()));
        var (app, url) = await TodoApp.StartAsync(new TodoApiOptions(), Mistake.Request(ctx =>
        {
            if (ctx.Request.Method == "GET" && ctx.Request.Path == "/todos")
            {
                ctx.Response.Redirect(new Uri(elsewhere.BaseUrl, "/todos").ToString());
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }));
        try
        {
            var report = await RunAsync(url);

            var list = report.Results.Single(r => r.Probe.Kind == "happy-path" && r.Probe.Operation.Key == "GET /todos" && r.Finding.Check == "expected-status");
            Assert.That(list.Finding.Message, Does.StartWith("happy-path on GET /todos: expected 200, got 302"));
            Assert.That(elsewhere.Requests, Is.Zero);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Test]
    public async Task Burst_SendsExactlyItsRequestsAndOneForRecovery()
    {
        var listed = 0;
        var (app, url) = await TodoApp.StartAsync(new TodoApiOptions(), Mistake.Request(ctx =>
        {
            if (ctx.Request.Method == "GET" && ctx.Request.Path == "/todos")
            {
                Interlocked.Increment(ref listed);
            }

            return Task.FromResult(false);
        }));
        try
        {
            var settings = new RunSettings
            {
                Spec = "openapi.yaml",
                SpecText = TodoApiFiles.OpenApi,
                Rules = "contractcheck.yaml",
                RulesText = TodoApiFiles.Rules,
                BaseUrl = url,
                Plan = PlanOptions.Default with { Include = [ContractCheck.Core.Rules.OperationSelector.Parse("listTodos")] },
                Environment = n => n == "TODO_API_TOKEN" ? TodoApiOptions.DefaultToken : null,
            };
            var report = await ContractRun.Prepare(settings).ExecuteAsync(new CompositeReporter());

            var others = report.Outcomes.Where(o => o.Probe.Burst is null).SelectMany(o => o.Exchanges).Count(e => e.Request.Method == "GET" && e.Request.Url.AbsolutePath == "/todos");
            Assert.That(listed, Is.EqualTo(150 + 1 + others), "the burst's 150, its recovery request, and the other probes' requests — nothing more");
            Assert.That(report.Results.Any(r => r.Finding.Outcome is Outcome.Failed or Outcome.Error), Is.False);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
