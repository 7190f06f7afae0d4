using System.Text;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Core.Tests.Checks;

/// <summary>
/// Every check fails on a real server answer that breaks it and passes on one that keeps it. Each
/// test serves the Items spec from a Kestrel host (or a raw socket where Kestrel refuses to misbehave).
/// </summary>
public class CheckTests
{
    private static async Task<ReportCase> Judge(string check, string operation, Action<WebApplication> map, string? rules = null, TimeSpan? timeout = null)
    {
        await using var api = await TestApi.StartAsync(map);
        var report = await Pipeline.RunAsync(ItemsApi.Spec, rules ?? ItemsApi.Rules, api.BaseUrl, [operation], timeout);
        return report.Case(check);
    }

    private static IResult Json(string json, int status = 200, string type = "application/json") => Results.Text(json, type, Encoding.UTF8, status);

    [Test]
    public async Task StatusDocumented_UndocumentedStatus_Fails()
    {
        var c = await Judge("status-documented", "listItems", app => app.MapGet("/items", () => Json("{}", 418)));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.Single().Finding.Message, Is.EqualTo("418 is not among the documented responses"));
        Assert.That(c.Problems.Single().Finding.Expected, Is.EqualTo("200, 400, 500"));
    }

    [Test]
    public async Task StatusDocumented_DocumentedStatus_Passes()
    {
        var c = await Judge("status-documented", "listItems", app => app.MapGet("/items", () => Json("[]")));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task ExpectedStatus_DocumentedErrorForAValidRequest_Fails()
    {
        var c = await Judge("expected-status", "listItems", app => app.MapGet("/items", () => Json("{}", 400)));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.Single().Finding.Message, Is.EqualTo("happy-path on GET /items: expected 200, got 400"));
        Assert.That(c.Problems.Single().Finding.Source, Is.EqualTo("the spec documents 200"));
    }

    [Test]
    public async Task ExpectedStatus_DocumentedSuccess_Passes()
    {
        var c = await Judge("expected-status", "listItems", app => app.MapGet("/items", () => Json("[]")));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task ExpectedStatus_404ForAGuessedId_IsSkippedNotFailed()
    {
        await using var api = await TestApi.StartAsync(app => app.MapGet("/items/{id}", () => Json("{}", 404)));
        var report = await Pipeline.RunAsync(ItemsApi.Spec, ItemsApi.Rules, api.BaseUrl, ["getItem"]);

        var c = report.Case(Core.Checks.Judge.ProbeCheck);
        Assert.That(c.Outcome, Is.EqualTo(Outcome.Skipped));
        Assert.That(c.Results.Single().Finding.Message, Does.Contain("operations.getItem.params"));
        Assert.That(report.Cases.Where(x => x.Probe == "happy-path" && x.Outcome == Outcome.Failed), Is.Empty, "no check fails a 404 for a guessed id: not status-documented, not expected-status, not error-shape");
    }

    [Test]
    public async Task RequiredHeaders_CreatedWithoutLocation_Fails()
    {
        var c = await Judge("required-headers", "createItem", app => app.MapPost("/items", () => Json("{\"id\":1}", 201)));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.Single().Finding.Message, Does.StartWith("201: header Location is missing"));
        Assert.That(c.Problems.Single().Finding.Source, Does.StartWith("builtin:http:"));
    }

    [Test]
    public async Task RequiredHeaders_CreatedWithLocation_Passes()
    {
        var c = await Judge("required-headers", "createItem", app => app.MapPost("/items", () => Results.Created("/items/1", new { id = 1 })));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task RequiredHeaders_RetryAfterNotSecondsOrDate_Fails()
    {
        var c = await Judge("required-headers", "listItems", app => app.MapGet("/items", (HttpContext ctx) =>
        {
            ctx.Response.Headers.RetryAfter = "soon";
            return Json("{}", 503);
        }));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.Single().Finding.Message, Does.Contain("Retry-After: 'soon' does not match"));
    }

    [Test]
    public async Task EmptyBody_204WithABody_Fails()
    {
        await using var raw = RawHttpServer.Start("HTTP/1.1 204 No Content\r\nContent-Length: 11\r\nConnection: close\r\n\r\n{\"ok\":true}");
        var report = await Pipeline.RunAsync(ItemsApi.Spec, "operations:\n  deleteItem:\n    params: {id: 5}\n", raw.BaseUrl, ["deleteItem"]);

        var c = report.Case("empty-body");
        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.Single().Finding.Message, Does.StartWith("204: the body must be empty but the response announces one (Content-Length: 11)"));
    }

    [Test]
    public async Task EmptyBody_204WithoutABody_Passes()
    {
        var c = await Judge("empty-body", "deleteItem", app => app.MapDelete("/items/{id}", () => Results.NoContent()), "operations:\n  deleteItem:\n    params: {id: 5}\n");

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task NoErrorInSuccess_SuccessFalseIn200_Fails()
    {
        var c = await Judge("no-error-in-success", "listItems", app => app.MapGet("/items", () => Json("{\"success\": false, \"error\": \"database unavailable\"}")));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.Single().Finding.Actual, Is.EqualTo("\"success\": false"));
    }

    [TestCase("{\"ok\": false}", "\"ok\": false")]
    [TestCase("{\"status\": \"error\", \"message\": \"x\"}", "\"status\": \"error\"")]
    [TestCase("{\"error\": {\"code\": 1}}", "only an \"error\" member")]
    public async Task NoErrorInSuccess_OtherFailureShapes_Fail(string body, string actual)
    {
        var c = await Judge("no-error-in-success", "listItems", app => app.MapGet("/items", () => Json(body)));

        Assert.That(c.Problems.Single().Finding.Actual, Is.EqualTo(actual));
    }

    [Test]
    public async Task NoErrorInSuccess_RealData_Passes()
    {
        var c = await Judge("no-error-in-success", "listItems", app => app.MapGet("/items", () => Json("[{\"success\": false}]")));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Passed), "an array of records is data, not an error report");
    }

    [Test]
    public async Task ContentType_UndeclaredType_Fails()
    {
        var c = await Judge("content-type", "listItems", app => app.MapGet("/items", () => Json("<html></html>", 200, "text/html")));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.Single().Finding.Actual, Is.EqualTo("text/html; charset=utf-8"));
        Assert.That(c.Problems.Single().Finding.Expected, Is.EqualTo("application/json"));
    }

    [TestCase("application/json; charset=utf-8")]
    [TestCase("Application/JSON")]
    [TestCase("application/vnd.items+json")]
    public async Task ContentType_DeclaredTypeWithParametersOrSuffix_Passes(string type)
    {
        var c = await Judge("content-type", "listItems", app => app.MapGet("/items", (HttpContext ctx) =>
        {
            ctx.Response.Headers.ContentType = type;
            return ctx.Response.WriteAsync("[]");
        }));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Passed));
    }

    [TestCase("Traceback (most recent call last):\n  File \"app.py\", line 3")]
    [TestCase("System.NullReferenceException: Object reference not set\n   at Items.Get(Int32 id) in /src/Items.cs:line 42")]
    [TestCase("java.lang.IllegalStateException: boom\n\tat com.acme.Items.get(Items.java:12)")]
    [TestCase("SQLSTATE[42S02]: Base table or view not found")]
    [TestCase("ERROR: syntax error at or near \"FROM\"")]
    [TestCase("{\"trace\": [\"  File \\\"/srv/app/items.py\\\", line 42, in get\\n\"]}")]
    [TestCase("{\"error\": \"cannot read /srv/app/data/items\"}")]
    [TestCase("<title>KeyError // Werkzeug Debugger</title>")]
    public async Task NoLeak_StackTraceOrSqlInAnError_Fails(string body)
    {
        var c = await Judge("no-leak", "getItem", app => app.MapGet("/items/{id}", () => Json(body, 404, "text/plain")));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.First().Finding.Message, Does.Contain("the body contains"));
    }

    [Test]
    public async Task NoLeak_PlainProblem_Passes()
    {
        var c = await Judge("no-leak", "getItem", app => app.MapGet("/items/{id}", () => Json("{\"title\": \"Not Found\", \"detail\": \"there is no item 1 at /items/1; Cannot GET /home/items/1\"}", 404)));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task NotCacheable5xx_PublicMaxAge_Fails()
    {
        var c = await Judge("not-cacheable-5xx", "listItems", app => app.MapGet("/items", (HttpContext ctx) =>
        {
            ctx.Response.Headers.CacheControl = "public, max-age=3600";
            return Json("{}", 500);
        }));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.Single().Finding.Message, Does.Contain("Cache-Control: 'public, max-age=3600'"));
    }

    [Test]
    public async Task NotCacheable5xx_NoStore_Passes()
    {
        var c = await Judge("not-cacheable-5xx", "listItems", app => app.MapGet("/items", (HttpContext ctx) =>
        {
            ctx.Response.Headers.CacheControl = "no-store, max-age=0";
            return Json("{}", 500);
        }));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task ResponseTime_OverBudget_Fails()
    {
        var c = await Judge(
            "response-time",
            "listItems",
            app => app.MapGet("/items", async () =>
            {
                await Task.Delay(300);
                return Json("[]");
            }),
            "conventions: {maxResponseMs: 50}\n");

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.Single().Finding.Message, Does.EndWith("over the 50 ms budget"));
    }

    [Test]
    public async Task ResponseTime_StreamThatStaysOpen_IsTimedToItsHeaders()
    {
        // A watch: headers and a first message at once, then the body stays open until --timeout (1.5 s, over the budget).
        var c = await Judge(
            "response-time",
            "listItems",
            app => app.MapGet("/items", async (HttpContext ctx) =>
            {
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync("[");
                await ctx.Response.Body.FlushAsync();
                await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
            }),
            "conventions: {maxResponseMs: 1000}\n",
            TimeSpan.FromSeconds(1.5));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Passed), string.Join("; ", c.Results.Select(r => r.Finding.Message)));
        Assert.That(c.Results.Single().Finding.Message, Does.Contain("headers of a stream"));
    }

    [Test]
    public async Task ResponseTime_StreamWhoseHeadersComeLate_Fails()
    {
        var c = await Judge(
            "response-time",
            "listItems",
            app => app.MapGet("/items", async (HttpContext ctx) =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(600), ctx.RequestAborted);
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync("[");
                await ctx.Response.Body.FlushAsync();
                await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
            }),
            "conventions: {maxResponseMs: 300}\n",
            TimeSpan.FromSeconds(1.5));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
    }

    [Test]
    public async Task ResponseTime_WithinBudget_Passes()
    {
        var c = await Judge("response-time", "listItems", app => app.MapGet("/items", () => Json("[]")), "conventions: {maxResponseMs: 60000}\n");

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task ResponseRules_UserRowBroken_FailsWithRowLocationAndWhy()
    {
        const string rules = "responses:\n  - status: 2xx\n    require: {headers: [X-Request-Id]}\n    why: support needs it\n";
        var c = await Judge(ContractCheck.Core.Rules.ResponseRule.DefaultCheck, "listItems", app => app.MapGet("/items", () => Json("[]")), rules);

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.Single().Finding.Message, Is.EqualTo("200: header X-Request-Id is missing — support needs it"));
        Assert.That(c.Problems.Single().Finding.Source, Is.EqualTo("rules.yaml:2:5 (2xx row)"));
    }

    [Test]
    public async Task ResponseRules_UserRowKept_Passes()
    {
        const string rules = "responses:\n  - status: 2xx\n    require: {headers: [X-Request-Id], json: {'$[0].name': widget}}\n";
        var c = await Judge(ContractCheck.Core.Rules.ResponseRule.DefaultCheck, "listItems", app => app.MapGet("/items", (HttpContext ctx) =>
        {
            ctx.Response.Headers["X-Request-Id"] = "abc";
            return Json("[{\"name\": \"widget\"}]");
        }), rules);

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task ResponseRules_ForbiddenJsonValue_Fails()
    {
        const string rules = "responses:\n  - status: 2xx\n    forbid: {json: {'$[0].deleted': true}}\n";
        var c = await Judge(ContractCheck.Core.Rules.ResponseRule.DefaultCheck, "listItems", app => app.MapGet("/items", () => Json("[{\"deleted\": true}]")), rules);

        Assert.That(c.Problems.Single().Finding.Message, Does.StartWith("200: $[0].deleted is true"));
    }

    [Test]
    public async Task ResponseReceived_NoAnswerWithinTimeout_IsAnError()
    {
        var c = await Judge(
            BuiltInChecks.ResponseReceived,
            "listItems",
            app => app.MapGet("/items", async (CancellationToken ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(20), ct);
                return Json("[]");
            }),
            timeout: TimeSpan.FromMilliseconds(300));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Error));
        Assert.That(c.Results.Single().Finding.Message, Does.StartWith("no complete answer within 0.3 s"));
    }

    [Test]
    public async Task CheckSwitchedOff_ProducesNoCase()
    {
        await using var api = await TestApi.StartAsync(app => app.MapGet("/items", () => Json("{}", 418)));

        var report = await Pipeline.RunAsync(ItemsApi.Spec, "checks: {status-documented: off}\n", api.BaseUrl, ["listItems"]);

        Assert.That(report.Cases.Select(c => c.Check), Does.Not.Contain("status-documented").And.Contain("expected-status"));
    }
}
