using System.Text;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Core.Tests.Checks;

/// <summary>
/// problem-details, rate-limit-fields and deprecation, each on a Kestrel server that keeps the claim and on one that
/// breaks it.
/// </summary>
public class ResponseFieldCheckTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Reports, version: '1'}
        paths:
          /reports:
            get:
              operationId: listReports
              responses:
                '200': {description: reports, content: {application/json: {schema: {type: array}}}}
                '404': {description: none, content: {application/problem+json: {schema: {type: object}}}}
          /export:
            get:
              operationId: export
              deprecated: true
              x-sunset: '2027-06-30'
              responses:
                '200': {description: the export, content: {application/json: {schema: {type: object}}}}
          /old:
            get:
              operationId: old
              deprecated: true
              responses:
                '200': {description: old, content: {application/json: {schema: {type: object}}}}
        """;

    private static async Task<RunReport> RunAsync(Action<WebApplication> map, string operation, string rules = "# built-in tables\n")
    {
        await using var api = await TestApi.StartAsync(map);
        return await Pipeline.RunAsync(Spec, rules, api.BaseUrl, [operation]);
    }

    private static IResult Problem(string json, int status) => Results.Text(json, "application/problem+json", Encoding.UTF8, status);

    // --- problem-details (RFC 9457) ---------------------------------------------------------------------------

    [Test]
    public async Task ProblemDetails_AWellFormedProblem_Passes()
    {
        var report = await RunAsync(app => app.MapGet("/reports", () => Problem("""{"type":"/problems/no-reports","title":"Not Found","status":404,"detail":"none yet","instance":"/reports","extra":[1]}""", 404)), "listReports");

        Assert.That(report.Case(ProblemDetailsAreWellFormed.CheckId).Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task ProblemDetails_StatusOtherThanTheResponses_AndATypeThatIsNoUri_Fail()
    {
        var report = await RunAsync(app => app.MapGet("/reports", () => Problem("""{"type":"Not Found","title":404,"status":400,"detail":"none"}""", 404)), "listReports");

        var c = report.Case(ProblemDetailsAreWellFormed.CheckId);
        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.Select(p => p.Finding.Message), Is.EquivalentTo(new[]
        {
            "404: 'status' is 400 but the response's status is 404: it must be the same (§3.1.2) (RFC 9457)",
            "404: 'type' must be a URI reference (§3.1.1) (RFC 9457)",
            "404: 'title' must be a string (§3.1.3) (RFC 9457)",
        }));
    }

    [TestCase("about:blank", true)]
    [TestCase("https://example.com/probs/out-of-credit", true)]
    [TestCase("/problems/out-of-credit", true)]
    [TestCase("out-of-credit#x", true)]
    [TestCase("", true)]
    [TestCase("Not Found", false)]
    [TestCase("errors:42", true)]
    [TestCase("1errors:42", false)]
    [TestCase("/probs/ünïcode", false)]
    [TestCase("/probs/%zz", false)]
    public void UriReference_IsRfc3986(string value, bool valid)
    {
        Assert.That(Core.Schema.Formats.IsUriReference(value), Is.EqualTo(valid));
    }

    // --- rate-limit-fields (draft-ietf-httpapi-ratelimit-headers) ------------------------------------------------

    private static Action<WebApplication> Limited(params (string Name, string Value)[] headers) => app => app.MapGet("/reports", (HttpContext c) =>
    {
        foreach (var (name, value) in headers)
        {
            c.Response.Headers.Append(name, value);
        }

        return Results.Json(Array.Empty<object>());
    });

    [Test]
    public async Task RateLimitFields_CurrentDraftWithAgreeingXRateLimit_Passes()
    {
        var report = await RunAsync(Limited(("RateLimit-Policy", "\"default\";q=100;w=10"), ("RateLimit", "\"default\";r=50;t=30"), ("X-RateLimit-Limit", "100"), ("X-RateLimit-Remaining", "50")), "listReports");

        Assert.That(report.Case(RateLimitFieldsAreWellFormed.CheckId).Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task RateLimitFields_AnEarlierRevision_Passes()
    {
        var report = await RunAsync(Limited(("RateLimit", "limit=100, remaining=50, reset=5"), ("RateLimit-Policy", "100;w=10")), "listReports");

        Assert.That(report.Case(RateLimitFieldsAreWellFormed.CheckId).Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task RateLimitFields_RemainingAboveQuota_AndXRateLimitDisagreeing_Fail()
    {
        var report = await RunAsync(Limited(("RateLimit-Policy", "\"default\";q=100;w=10"), ("RateLimit", "\"default\";r=150;t=30"), ("X-RateLimit-Remaining", "42")), "listReports");

        var c = report.Case(RateLimitFieldsAreWellFormed.CheckId);
        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.Select(p => p.Finding.Message), Is.EquivalentTo(new[]
        {
            "200: RateLimit, RateLimit-Policy: policy \"default\": remaining 150 is above the quota 100",
            "200: X-RateLimit-Remaining is 42, but the RateLimit fields say 150: both describe the same limit",
        }));
    }

    [Test]
    public async Task RateLimitFields_NotInTheDraftsSyntax_Fails()
    {
        var report = await RunAsync(Limited(("RateLimit", "100 per minute")), "listReports");

        var c = report.Case(RateLimitFieldsAreWellFormed.CheckId);
        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.Single().Finding.Message, Does.StartWith("200: RateLimit: '100 per minute' is in the syntax of no revision of the draft"));
    }

    [Test]
    public async Task RateLimitFields_OnlyXRateLimit_IsNotJudged()
    {
        var report = await RunAsync(Limited(("X-RateLimit-Limit", "60"), ("X-RateLimit-Remaining", "70")), "listReports");

        Assert.That(report.Cases.Where(c => c.Check == RateLimitFieldsAreWellFormed.CheckId), Is.Empty);
    }

    // --- deprecation (opt-in builtin:deprecation; RFC 9745, RFC 8594) ----------------------------------------------

    private const string DeprecationRules = "extends: [builtin:http, builtin:rest, builtin:security, builtin:deprecation]\n";

    [Test]
    public async Task Deprecation_DeprecationAndSunsetHeaders_Pass()
    {
        var report = await RunAsync(app => app.MapGet("/export", (HttpContext c) =>
        {
            c.Response.Headers["Deprecation"] = "@1767225600";
            c.Response.Headers["Sunset"] = "Wed, 30 Jun 2027 23:59:59 GMT";
            return Results.Json(new { rows = 0 });
        }), "export", DeprecationRules);

        var c = report.Case("deprecation");
        Assert.That(c.Outcome, Is.EqualTo(Outcome.Passed));
        Assert.That(c.Results, Has.Count.EqualTo(2), "the Deprecation row and the Sunset row");
    }

    [Test]
    public async Task Deprecation_NoDeprecationAndASunsetThatIsNoHttpDate_Fail()
    {
        var report = await RunAsync(app => app.MapGet("/export", (HttpContext c) =>
        {
            c.Response.Headers["Sunset"] = "2027-06-30";
            return Results.Json(new { rows = 0 });
        }), "export", DeprecationRules);

        var c = report.Case("deprecation");
        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.Select(p => p.Finding.Message), Has.Some.StartWith("200: header Deprecation is missing").And.Some.StartWith("200: header Sunset: '2027-06-30' does not match"));
    }

    [Test]
    public async Task Deprecation_WithoutASunsetDate_AsksNoSunset_AndIsOptIn()
    {
        Action<WebApplication> map = app => app.MapGet("/old", (HttpContext c) =>
        {
            c.Response.Headers["Deprecation"] = "@1688169599";
            return Results.Json(new { });
        });

        var optedIn = await RunAsync(map, "old", DeprecationRules);
        var builtIn = await RunAsync(app => app.MapGet("/old", () => Results.Json(new { })), "old");

        Assert.That(optedIn.Case("deprecation").Results, Has.Count.EqualTo(1));
        Assert.That(optedIn.Case("deprecation").Outcome, Is.EqualTo(Outcome.Passed));
        Assert.That(builtIn.Cases.Where(c => c.Check == "deprecation"), Is.Empty, "builtin:deprecation is opt-in");
    }

    [Test]
    public async Task Deprecation_ASunsetDateInTheRules_AsksForSunset()
    {
        var report = await RunAsync(app => app.MapGet("/old", (HttpContext c) =>
        {
            c.Response.Headers["Deprecation"] = "@1688169599";
            return Results.Json(new { });
        }), "old", DeprecationRules + "operations:\n  old:\n    sunset: 2027-01-31\n");

        Assert.That(report.Case("deprecation").Problems.Single().Finding.Message, Does.StartWith("200: header Sunset is missing"));
    }

    [Test]
    public void Rules_ASunsetThatIsNoDate_IsAnErrorAtItsLine()
    {
        var error = Assert.Throws<ContractCheckException>(() => new Core.Rules.RulesLoader(Defaults.Vocabulary).LoadText("operations:\n  old:\n    sunset: next spring\n", "rules.yaml"));

        Assert.That(error!.Message, Does.Contain("'next spring' is not a date"));
        Assert.That(error.Location?.ToString(), Does.Contain("rules.yaml:3:13"));
    }
}
