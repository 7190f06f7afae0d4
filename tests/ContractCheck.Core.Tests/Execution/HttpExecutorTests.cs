using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;
using ContractCheck.Core.Tests.Checks;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Core.Tests.Execution;

public class HttpExecutorTests
{
    private static readonly ApiSpec Items = new SpecLoader().Load(ItemsApi.Spec, "items.yaml");
    private static readonly RuleSet BuiltIn = new RulesLoader(Defaults.Vocabulary).Load(null);

    private static Plan PlanFor(params string[] include) =>
        Planner.Build(Items, BuiltIn, PlanOptions.Default with { Include = include.Select(i => OperationSelector.Parse(i)).ToList() }, [new HappyPathProbe()]);

    [Test]
    public async Task Run_BaseUrlWithPathPrefix_KeepsThePrefix()
    {
        await using var api = await TestApi.StartAsync(app => app.MapGet("/api/v1/items", () => Results.Json(Array.Empty<int>())));
        using var executor = new HttpExecutor(new ExecutorOptions(new Uri(api.BaseUrl, "/api/v1/")));

        var outcome = (await executor.RunAsync(PlanFor("listItems"), null, default)).Outcomes.Single();

        Assert.That(outcome.Exchanges.Single().Response!.Status, Is.EqualTo(200));
        Assert.That(outcome.Exchanges.Single().Request.Url.AbsolutePath, Is.EqualTo("/api/v1/items"));
    }

    [Test]
    public async Task Run_Redirect_IsReportedNotFollowed()
    {
        // Same origin, so following it would be allowed and counted here (other origins: OriginTests).
        var moved = 0;
        await using var api = await TestApi.StartAsync(app =>
        {
            app.MapGet("/items", () => Results.Redirect("/moved-items"));
            app.MapGet("/moved-items", () => Interlocked.Increment(ref moved));
        });
        using var executor = new HttpExecutor(new ExecutorOptions(api.BaseUrl));

        var exchange = (await executor.RunAsync(PlanFor("listItems"), null, default)).Outcomes.Single().Exchanges.Single();

        Assert.That(exchange.Response!.Status, Is.EqualTo(302));
        Assert.That(moved, Is.Zero, "the redirect was not followed");
    }

    [Test]
    public async Task Run_HugeBody_IsReadUpToTheCap()
    {
        await using var api = await TestApi.StartAsync(app => app.MapGet("/items", () => Results.Text(new string('x', 3 * 1024 * 1024), "application/json")));
        using var executor = new HttpExecutor(new ExecutorOptions(api.BaseUrl) { MaxBodyBytes = 1024 * 1024 });

        var response = (await executor.RunAsync(PlanFor("listItems"), null, default)).Outcomes.Single().Exchanges.Single().Response!;

        Assert.That(response.Truncated, Is.True);
        Assert.That(response.Body, Has.Length.EqualTo(1024 * 1024));
    }

    [Test]
    public async Task Run_MaxRequests_IsAHardCeiling()
    {
        await using var api = await TestApi.StartAsync(app => app.Map("/{**rest}", () => Results.Json(new { id = 1 })));
        using var executor = new HttpExecutor(new ExecutorOptions(api.BaseUrl) { MaxRequests = 2 });

        var outcomes = (await executor.RunAsync(PlanFor(), null, default)).Outcomes;

        Assert.That(api.Requests, Is.EqualTo(2));
        Assert.That(outcomes.Count(o => o.NotRunReason == "--max-requests (2) reached"), Is.EqualTo(outcomes.Count - 2), string.Join("; ", outcomes.Select(o => $"{o.Probe.Name}: {o.NotRunReason ?? "sent"}")));
    }

    [Test]
    public async Task Run_ConnectionResetMidAnswer_IsAnErrorExchange()
    {
        await using var raw = RawHttpServer.Start("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n[1,2");
        using var executor = new HttpExecutor(new ExecutorOptions(raw.BaseUrl));

        var exchange = (await executor.RunAsync(PlanFor("listItems"), null, default)).Outcomes.Single().Exchanges.Single();

        Assert.That(exchange.Response, Is.Null);
        Assert.That(exchange.Error, Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public async Task CheckReachable_NothingListening_ThrowsUnreachableWithTheUrl()
    {
        var port = Ports.Closed();
        using var executor = new HttpExecutor(new ExecutorOptions(new Uri($"http://127.0.0.1:{port}/")));

        var e = Assert.ThrowsAsync<TargetUnreachableException>(() => executor.CheckReachableAsync(default))!;

        Assert.That(e.Message, Is.EqualTo($"cannot reach http://127.0.0.1:{port}/: connection refused (nothing listens on that port)"));
        Assert.That(e.Kind, Is.EqualTo(ErrorKind.Unreachable));
    }
}
