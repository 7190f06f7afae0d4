using System.Collections.Concurrent;
using System.Text;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TodoApi;

namespace ContractCheck.Core.Tests.Execution;

/// <summary>
/// Tokens the run fetches itself, against real servers: the API's login (before the first probe, fetched again after
/// a 401, a failure ends the run), OAuth 2.0 client credentials (only to the base URL's origin or an allowed host),
/// and a command's output.
/// </summary>
public class TokenTests
{
    // alice logs in; the other identities of the Todo rules stay, the burst and the request probes go (they only cost time here).
    private static readonly string LoginRules = TodoApiFiles.Rules.Replace(
        "auth:\n  bearer: ${TODO_API_TOKEN:-demo-token}",
        "auth:\n  login: {operation: login, body: {username: alice, password: \"${ALICE_PASSWORD}\"}, token: /access_token}",
        StringComparison.Ordinal) + ProbesOff.Requests("burst");

    private const string AlicePassword = "alice-pw-7c1e";

    private static Task<RunReport> RunTodoAsync(TestApi todo, string[] include, string password = AlicePassword, int workers = 4)
    {
        var settings = Settings("openapi.yaml", TodoApiFiles.OpenApi, LoginRules, todo.BaseUrl, include);
        return RunAsync(settings with { Environment = n => n == "ALICE_PASSWORD" ? password : null, Executor = settings.Executor! with { Workers = workers } });
    }

    private static RunSettings Settings(string spec, string specText, string rules, Uri baseUrl, string[]? include = null, string[]? allowHosts = null) => new()
    {
        Spec = spec,
        SpecText = specText,
        Rules = "contractcheck.yaml",
        RulesText = rules.Contains("probes:", StringComparison.Ordinal) ? rules : rules + ProbesOff.Requests(),
        BaseUrl = baseUrl,
        Plan = PlanOptions.Default with { Seed = 6, Include = (include ?? []).Select(s => OperationSelector.Parse(s)).ToList() },
        Executor = new ExecutorOptions(baseUrl) { RequestTimeout = TimeSpan.FromSeconds(5), AllowedHosts = allowHosts ?? [] },
        Environment = _ => null,
    };

    private static Task<RunReport> RunAsync(RunSettings settings) => ContractRun.Prepare(settings).ExecuteAsync(new CompositeReporter());

    private static TodoApiOptions Users(int? tokenUses = null) => new()
    {
        TokenUses = tokenUses,
        Passwords = new Dictionary<string, string> { ["alice"] = AlicePassword, ["bob"] = "bob-password", ["carol"] = "carol-password" },
    };

    [Test]
    public async Task Login_FetchedBeforeTheFirstProbe_SentAsBearer_MaskedInReports()
    {
        await using var todo = await TestApi.StartTodoAsync(Users());

        var report = await RunTodoAsync(todo, ["listTodos", "createTodo"]);

        Assert.That(report.NotPassed(), Is.Empty);
        var logins = report.TokenExchanges.Select(e => $"{e.Planned.Method} {e.Request.Url.AbsolutePath} {e.Response?.Status}").ToList();
        Assert.That(logins, Is.EqualTo(new[] { "POST /login 200" }), "alice's: no request of these operations is sent as bob, whose login is left out");
        var first = report.Outcomes.SelectMany(o => o.Exchanges).Min(e => e.Started);
        Assert.That(report.TokenExchanges.Max(e => e.Started), Is.LessThanOrEqualTo(first), "before the first probe");
        var sent = report.Outcomes.Single(o => o.Probe.Kind == HappyPathProbe.KindId && o.Probe.Operation.OperationId == "listTodos").Exchanges.Single().Request.Headers.Single(h => h.Key == "Authorization").Value;
        Assert.That(sent, Does.Match("^Bearer tk_[0-9a-f]{32}$"));
        Assert.That(report.Redactor.Header("Authorization", sent), Is.EqualTo("Bearer ***"));
        Assert.That(report.Redactor.Text("echo " + sent[7..]), Is.EqualTo("echo ***"));
        Assert.That(CurlCommand.For(report.Outcomes[0].Exchanges[0].Request, report.Redactor), Does.Contain("-H 'Authorization: Bearer '\"${CONTRACTCHECK_TOKEN_MAIN}\""));
    }

    [Test]
    public async Task Login_Refused_EndsTheRunBeforeAnyProbe_SayingWhatCameBackMasked()
    {
        // The API echoes the password it was sent in its refusal.
        await using var todo = await TestApi.StartTodoAsync(Users(), Mistake.Answer((ctx, status, body) =>
            status == 401 && ctx.Request.Path == "/login" ? Mistake.Replace(ctx, 401, "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"no user with password wrong-pw-4f2a\"}", TodoApp.ProblemJson) : Task.FromResult(false)));

        var e = Assert.ThrowsAsync<ContractCheckException>(() => RunTodoAsync(todo, ["listTodos"], password: "wrong-pw-4f2a"))!;

        Assert.That(e.Location!.ToString(), Is.EqualTo("contractcheck.yaml:6:3"));
        Assert.That(e.Message, Is.EqualTo("auth.login: could not get a token: POST /login answered 401 Unauthorized: {\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"no user with password ***\"}"));
        Assert.That(e.Hint, Does.Contain("auth.login.body"));
        Assert.That(todo.Requests, Is.EqualTo(1), "nothing but the login was sent");
    }

    [Test]
    public async Task Login_NoTokenWhereTheRulesSay_NamesTheMembersNotTheirValues()
    {
        await using var todo = await TestApi.StartTodoAsync(Users());

        var e = Assert.ThrowsAsync<ContractCheckException>(() => RunAsync(Settings("openapi.yaml", TodoApiFiles.OpenApi, LoginRules.Replace("token: /access_token}", "token: /token}", StringComparison.Ordinal), todo.BaseUrl, ["listTodos"]) with { Environment = _ => AlicePassword }))!;

        Assert.That(e.Message, Is.EqualTo("auth.login: could not get a token: the answer of POST /login (200) has no token at /token (its members: access_token, token_type)"));
    }

    [Test]
    public async Task Login_TokensExpiringAfterTwentyRequests_FetchedAgainEachTime_RunPasses()
    {
        await using var todo = await TestApi.StartTodoAsync(Users(tokenUses: 20));

        var report = await RunTodoAsync(todo, ["listTodos", "createTodo", "getTodo", "updateTodo"]);

        Assert.That(report.NotPassed(), Is.Empty);
        Assert.That(report.TokenRenewals, Is.Not.Empty);
        Assert.That(report.TokenRenewals[0], Does.StartWith("the main identity's token (auth.login) was refused with 401 after"));
        var renewed = report.Outcomes.SelectMany(o => o.Exchanges).Where(e => e.Refused is not null).ToList();
        Assert.That(renewed, Is.Not.Empty);
        Assert.That(renewed.Select(e => e.Refused!.Response!.Status), Is.All.EqualTo(401), "the refusal is kept as evidence");
        Assert.That(report.RequestsSent, Is.EqualTo(report.Outcomes.Sum(o => o.Exchanges.Sum(e => e.OnTheWire.Count())) + report.TokenExchanges.Count + report.Cleanup.Count(c => c.Attempted)));
    }

    // Tokens that serve a dozen requests or so: with one worker the run is the same every time, and in some of these
    // the token expires just as the clean-up deletes what the run made.
    [TestCase(10)]
    [TestCase(11)]
    [TestCase(12)]
    [TestCase(13)]
    [TestCase(14)]
    public async Task Login_TokenExpiringDuringTheCleanUp_FetchedAgain_NothingIsLeftBehind(int uses)
    {
        await using var todo = await TestApi.StartTodoAsync(Users(tokenUses: uses));

        var report = await RunTodoAsync(todo, ["createTodo", "deleteTodo"], workers: 1);

        Assert.That(report.Cleanup, Is.Not.Empty);
        Assert.That(report.Cleanup.Where(c => !c.Deleted).Select(c => c.Detail), Is.Empty);
        Assert.That(todo.Todos, Is.Zero, "what the run created was deleted, with a token fetched again");
    }

    [Test]
    public async Task Login_TokenRefusedAfterItsFirstUse_FetchedAgainOnceThenThe401IsAFinding()
    {
        await using var todo = await TestApi.StartTodoAsync(Users(tokenUses: 1));

        // One worker: each request waits for the one before, so the renewed token serves exactly its one request.
        var report = await RunTodoAsync(todo, ["listTodos", "getTodo"], workers: 1);

        Assert.That(report.TokenRenewals.Count(r => r.StartsWith("the main identity's", StringComparison.Ordinal)), Is.EqualTo(1), "fetched again once");
        var failure = report.Results.First(r => r.Finding.Outcome == Core.Checks.Outcome.Failed && r.Finding.Check == "expected-status" && r.Exchange!.Response!.Status == 401).Finding;
        Assert.That(failure.Message, Does.Match(@"expected 200, got 401 — the token of auth\.login was refused \d+ request\(s\) and [\d.]+ s after it was fetched again; a token must last longer than that"));
    }

    [Test]
    public async Task Login_NoAnswer_IsTheApiNotAnswering()
    {
        await using var silent = RawHttpServer.Start((_, _, _, token) => Task.Delay(Timeout.Infinite, token));
        var settings = Settings("openapi.yaml", TodoApiFiles.OpenApi, LoginRules, silent.BaseUrl, ["listTodos"]) with { Environment = _ => AlicePassword };

        var e = Assert.ThrowsAsync<TargetUnreachableException>(() => RunAsync(settings with { Executor = settings.Executor! with { RequestTimeout = TimeSpan.FromSeconds(1) } }))!;

        Assert.That(e.Message, Does.StartWith("the API did not answer the login of auth.login: POST /login got no answer: no complete answer within 1 s"));
    }

    [Test]
    public async Task Login_CancelledWhileLoggingIn_ReportsEveryProbeAsNotRun()
    {
        using var cancel = new CancellationTokenSource();
        await using var silent = RawHttpServer.Start(async (_, _, _, token) =>
        {
            // Ctrl-C while the login waits for its answer.
            await cancel.CancelAsync();
            await Task.Delay(Timeout.Infinite, token);
        });
        var settings = Settings("openapi.yaml", TodoApiFiles.OpenApi, LoginRules, silent.BaseUrl, ["listTodos"]) with { Environment = _ => AlicePassword };

        var report = await ContractRun.Prepare(settings).ExecuteAsync(cancellationToken: cancel.Token);

        Assert.That(report.Cancelled, Is.True);
        Assert.That(report.Outcomes, Is.Not.Empty.And.All.Matches<ProbeOutcome>(o => o.WasCancelled), "a Ctrl-C during the login is a Ctrl-C: the report says what was not run");
        Assert.That(report.Outcomes.SelectMany(o => o.Exchanges), Is.Empty, "nothing but the login was sent");
    }

    private const string OAuthSpec = """
        openapi: 3.0.3
        info: {title: Things, version: '1'}
        security: [{oauth: [read]}]
        paths:
          /things:
            get:
              operationId: listThings
              responses:
                '200': {description: the things, content: {application/json: {schema: {type: array}}}}
                '401': {description: no token, headers: {WWW-Authenticate: {schema: {type: string}}}}
        components:
          securitySchemes:
            oauth:
              type: oauth2
              flows:
                clientCredentials:
                  tokenUrl: TOKEN_URL
                  scopes: {read: read things}
        """;

    // A token endpoint (RFC 6749 §4.4) and an API that takes only the token it hands out. The endpoint answers its
    // first <paramref name="throttled"/> requests 429 with Retry-After: 1.
    private static Action<WebApplication> OAuthServer(ConcurrentQueue<string> tokenRequests, bool api = true, int throttled = 0) => app =>
    {
        app.MapPost("/oauth/token", async (HttpContext ctx) =>
        {
            var form = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            tokenRequests.Enqueue($"{ctx.Request.Headers.Authorization} {ctx.Request.ContentType} {form}");
            if (tokenRequests.Count <= throttled)
            {
                ctx.Response.Headers.RetryAfter = "1";
                return Results.Json(new { error = "slow_down" }, statusCode: 429);
            }

            return ctx.Request.Headers.Authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("client-1:s3cret%2F1")) && form == "grant_type=client_credentials&scope=read"
                ? Results.Json(new { access_token = "oa-token-5e9d", token_type = "Bearer", expires_in = 3600 })
                : Results.Json(new { error = "invalid_client" }, statusCode: 401);
        });
        if (api)
        {
            app.MapGet("/things", (HttpContext ctx) =>
            {
                if (ctx.Request.Headers.Authorization == "Bearer oa-token-5e9d")
                {
                    return Results.Json(Array.Empty<int>());
                }

                ctx.Response.Headers.WWWAuthenticate = "Bearer";
                return Results.StatusCode(401);
            });
        }
    };

    private const string OAuthRules = "auth:\n  oauth2: {clientId: client-1, clientSecret: s3cret/1, scopes: [read]}\n";

    [Test]
    public async Task OAuth2_TokenUrlOnTheOrigin_ClientCredentialsGrant_TokenSentAsBearer()
    {
        var tokenRequests = new ConcurrentQueue<string>();
        await using var api = await TestApi.StartAsync(OAuthServer(tokenRequests));

        var report = await RunAsync(Settings("spec.yaml", OAuthSpec.Replace("TOKEN_URL", "/oauth/token", StringComparison.Ordinal), OAuthRules, api.BaseUrl));

        Assert.That(report.NotPassed(), Is.Empty);
        Assert.That(tokenRequests, Is.EqualTo(new[] { $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("client-1:s3cret%2F1"))} application/x-www-form-urlencoded grant_type=client_credentials&scope=read" }));
        Assert.That(report.Redactor.Text("oa-token-5e9d s3cret/1"), Is.EqualTo("*** ***"));
    }

    [Test]
    public async Task TokenEndpointThrottling_IsWaitedOut_NotALoginThatFailed()
    {
        // The target's rate limit is not a finding, for a token request as for any other: wait as asked, send again.
        var tokenRequests = new ConcurrentQueue<string>();
        await using var api = await TestApi.StartAsync(OAuthServer(tokenRequests, throttled: 1));

        var report = await RunAsync(Settings("spec.yaml", OAuthSpec.Replace("TOKEN_URL", "/oauth/token", StringComparison.Ordinal), OAuthRules, api.BaseUrl));

        Assert.That(report.NotPassed(), Is.Empty);
        Assert.That(tokenRequests, Has.Count.EqualTo(2), "the throttled token request, then the one after the wait");
    }

    [Test]
    public async Task OAuth2_TokenUrlOnAnotherOrigin_OnlyWithAllowHost()
    {
        var tokenRequests = new ConcurrentQueue<string>();
        await using var tokens = await TestApi.StartAsync(OAuthServer(tokenRequests, api: false));
        await using var api = await TestApi.StartAsync(OAuthServer(new ConcurrentQueue<string>()));
        var spec = OAuthSpec.Replace("TOKEN_URL", new Uri(tokens.BaseUrl, "/oauth/token").ToString(), StringComparison.Ordinal);

        var refused = Assert.ThrowsAsync<ContractCheckException>(() => RunAsync(Settings("spec.yaml", spec, OAuthRules, api.BaseUrl)))!;
        var allowed = await RunAsync(Settings("spec.yaml", spec, OAuthRules, api.BaseUrl, allowHosts: [tokens.BaseUrl.Authority]));

        Assert.That(refused.Message, Does.Contain($"the token URL {tokens.BaseUrl}oauth/token is not on {api.BaseUrl.GetLeftPart(UriPartial.Authority)}; ContractCheck sends credentials to no other host"));
        Assert.That(refused.Hint, Is.EqualTo("if that host is your API's token server, allow it: --allow-host 127.0.0.1"));
        Assert.That(refused.Location!.ToString(), Is.EqualTo("contractcheck.yaml:2:3"));
        Assert.That(tokenRequests, Has.Count.EqualTo(1), "nothing went there until it was allowed");
        Assert.That(allowed.NotPassed(), Is.Empty);
        Assert.That(api.Requests, Is.GreaterThan(0));
    }

    [Test]
    public async Task Command_ItsOutputIsTheToken_AFailingOrSlowOneEndsTheRun()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "the commands are POSIX shell");
        await using var api = await TestApi.StartAsync(OAuthServer(new ConcurrentQueue<string>()));
        var spec = OAuthSpec.Replace("TOKEN_URL", "/oauth/token", StringComparison.Ordinal);

        var report = await RunAsync(Settings("spec.yaml", spec, "auth:\n  command: \"printf '  oa-token-5e9d\\\\n'\"\n", api.BaseUrl));
        var failing = Assert.ThrowsAsync<ContractCheckException>(() => RunAsync(Settings("spec.yaml", spec, "auth:\n  command: \"echo oa-token-5e9d is not yours >&2; exit 3\"\n", api.BaseUrl)))!;
        var slow = Assert.ThrowsAsync<ContractCheckException>(() => RunAsync(Settings("spec.yaml", spec, "auth:\n  command: {run: \"sleep 20\", timeout: 300ms}\n", api.BaseUrl)))!;
        // It exits at once, but a child it left behind holds its output open: bounded by the same timeout.
        var held = Assert.ThrowsAsync<ContractCheckException>(() => RunAsync(Settings("spec.yaml", spec, "auth:\n  command: {run: \"(sleep 5 &); echo oa-token-5e9d\", timeout: 300ms}\n", api.BaseUrl)))!;

        Assert.That(report.NotPassed(), Is.Empty);
        Assert.That(report.Redactor.Text("oa-token-5e9d"), Is.EqualTo("***"));
        Assert.That(failing.Message, Is.EqualTo("auth.command: could not get a token: the command exited with status 3: oa-token-5e9d is not yours"));
        Assert.That(slow.Message, Does.StartWith("auth.command: could not get a token: the command did not finish within 0.3 s; it was stopped"));
        Assert.That(slow.Location!.ToString(), Is.EqualTo("contractcheck.yaml:2:3"));
        Assert.That(held.Message, Does.StartWith("auth.command: could not get a token: the command did not finish within 0.3 s"));
    }
}
