using System.Collections.Concurrent;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Core.Tests.Probes;

/// <summary>
/// invalid-path-param: one case per broken constraint of a path parameter, on GET and HEAD only; 400 or 404 expected,
/// never a 5xx. Planning is pure; the runs are on Kestrel servers that validate, and that do not.
/// </summary>
public class InvalidPathParamTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Shop, version: '1'}
        paths:
          /orders/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: integer, minimum: 1, maximum: 999999}}]
            get:
              operationId: getOrder
              responses:
                '200': {description: the order, content: {application/json: {schema: {type: object}}}}
                '404': {description: none, content: {application/json: {schema: {type: object}}}}
            delete:
              operationId: deleteOrder
              responses: {'204': {description: deleted}, '404': {description: none}}
          /orders/count:
            get:
              operationId: countOrders
              responses: {'200': {description: the count, content: {application/json: {schema: {type: integer}}}}}
          /skus/{sku}:
            parameters: [{name: sku, in: path, required: true, schema: {type: string, pattern: '^[A-Z]{3}-[0-9]{4}$', minLength: 8, maxLength: 8}}]
            get:
              operationId: getSku
              responses:
                '200': {description: the sku, content: {application/json: {schema: {type: object}}}}
                '404': {description: none, content: {application/json: {schema: {type: object}}}}
                '422': {description: not a sku, content: {application/json: {schema: {type: object}}}}
          /regions/{region}:
            parameters: [{name: region, in: path, required: true, schema: {type: string, enum: [eu, us]}}]
            get:
              operationId: getRegion
              responses: {'200': {description: the region, content: {application/json: {schema: {type: object}}}}}
          /notes/{name}:
            parameters: [{name: name, in: path, required: true, schema: {type: string}}]
            get:
              operationId: getNote
              responses: {'200': {description: the note, content: {application/json: {schema: {type: object}}}}}
        """;

    private static Plan PlanOf(string rules = "# built-in tables\n") =>
        Planner.Build(new SpecLoader().Load(Spec, "shop.yaml"), new RulesLoader(Defaults.Vocabulary).LoadText(rules, "r.yaml"), PlanOptions.Default, [new InvalidPathParamProbe()]);

    private static Dictionary<string, string> Cases(Plan plan, string operation) =>
        plan.Probes.Where(p => p.Operation.OperationId == operation).ToDictionary(p => p.Label!, p => p.Requests.Single().PreviewPath);

    [Test]
    public void AnIntegerWithBounds_OneCasePerBrokenRule()
    {
        Assert.That(Cases(PlanOf(), "getOrder"), Is.EqualTo(new Dictionary<string, string>
        {
            ["id is not an integer: abc"] = "/orders/abc",
            ["id is below its minimum 1: 0"] = "/orders/0",
            ["id is above its maximum 999999: 1000000"] = "/orders/1000000",
        }));
    }

    [Test]
    public void AStringWithAPatternAndLengths_AndAnEnum_OneCaseEach_AndAStringWithoutConstraintsNone()
    {
        var plan = PlanOf();

        Assert.That(Cases(plan, "getSku").Keys, Is.EquivalentTo(new[]
        {
            "sku is shorter than 8 characters: xxxxxxx",
            "sku is longer than 8 characters: xxxxxxxxx",
            "sku does not match its pattern ^[A-Z]{3}-[0-9]{4}$: xxxxxxxx",
        }));
        Assert.That(Cases(plan, "getRegion").Keys, Is.EqualTo(new[] { "region is not one of the allowed values: not-one-of-the-values" }));
        Assert.That(Cases(plan, "getNote"), Is.Empty, "a string without constraints has no invalid value");
    }

    [Test]
    public void OnlySafeMethods_AreSent()
    {
        Assert.That(PlanOf().Probes.Select(p => p.Operation.Method).Distinct(), Is.EqualTo(new[] { "GET" }), "never DELETE /orders/0: an API that does not validate could read it as a real order");
    }

    [Test]
    public void Expected_400Or404_And422WhereTheOperationDocumentsIt_OrItIsTheValidationStatus_OrTheRulesSay()
    {
        var strict = PlanOf("conventions: {validationStatus: 400}\n");

        Assert.That(strict.Probes.First(p => p.Operation.OperationId == "getOrder").Expected!.ToString(), Is.EqualTo("400 or 404"));
        Assert.That(strict.Probes.First(p => p.Operation.OperationId == "getSku").Expected!.ToString(), Is.EqualTo("400 or 404 or 422"), "documented");
        Assert.That(PlanOf().Probes.First(p => p.Operation.OperationId == "getOrder").Expected!.ToString(), Is.EqualTo("400 or 404 or 422"), "422 is a validation status by default");
        Assert.That(PlanOf("operations:\n  getOrder:\n    expect: {invalid-path-param: 400}\n").Probes.First(p => p.Operation.OperationId == "getOrder").Expected!.ToString(), Is.EqualTo("400"));
        Assert.That(PlanOf("probes:\n  invalid-path-param: {maxCases: 1}\n").Probes.Count(p => p.Operation.OperationId == "getOrder"), Is.EqualTo(1));
    }

    [Test]
    public void AValueThatIsALiteralSegmentOfAnotherPath_IsNotSent()
    {
        var spec = Spec.Replace("/orders/count:", "/orders/abc:", StringComparison.Ordinal);
        var plan = Planner.Build(new SpecLoader().Load(spec, "shop.yaml"), new RulesLoader(Defaults.Vocabulary).Load(null), PlanOptions.Default, [new InvalidPathParamProbe()]);

        Assert.That(Cases(plan, "getOrder").Values, Does.Not.Contain("/orders/abc"), "/orders/abc is another operation");
    }

    private static async Task<(RunReport Report, ConcurrentQueue<string> Log)> RunAsync(Func<string, IResult> order, string rules = "")
    {
        var log = new ConcurrentQueue<string>();
        await using var api = await TestApi.StartAsync(app =>
        {
            app.Use(async (c, next) =>
            {
                log.Enqueue($"{c.Request.Method} {c.Request.Path}");
                await next(c);
            });
            app.MapGet("/orders/{id}", (string id) => order(id));
        });
        var report = await Pipeline.RunAsync(Spec, "probes: {not-found: off}\n" + rules, api.BaseUrl, ["getOrder", "deleteOrder"]);
        return (report, log);
    }

    [Test]
    public async Task AServerThatValidates_Passes_AndNoUnsafeRequestGoesToAnInvalidValue()
    {
        var (report, log) = await RunAsync(id => int.TryParse(id, out var n) && n is >= 1 and <= 999999
            ? Results.Json(new { message = "no such order" }, statusCode: 404)
            : Results.Json(new { message = "id must be 1 to 999999" }, statusCode: 400));

        var cases = report.Cases.Where(c => c.Probe.StartsWith(InvalidPathParamProbe.KindId, StringComparison.Ordinal) && c.Check == StatusIsExpected.CheckId).ToList();
        Assert.That(cases, Has.Count.EqualTo(3));
        Assert.That(cases.Select(c => c.Outcome), Has.All.EqualTo(Outcome.Passed));
        Assert.That(log.Where(l => l.StartsWith("DELETE", StringComparison.Ordinal)), Has.None.Match("/orders/(abc|0|1000000)$"));
    }

    // go-swagger (Alertmanager) and FastAPI refuse a malformed path value with their validation status, 422.
    [TestCase("", Outcome.Passed)]
    [TestCase("conventions: {validationStatus: 400}\n", Outcome.Failed)]
    public async Task AServerThatAnswers422_PassesWhere422IsTheValidationStatus(string rules, Outcome expected)
    {
        var (report, _) = await RunAsync(id => int.TryParse(id, out var n) && n is >= 1 and <= 999999
            ? Results.Json(new { message = "no such order" }, statusCode: 404)
            : Results.Json(new { code = 601, message = "id in path must be of type integer" }, statusCode: 422), rules);

        var cases = report.Cases.Where(c => c.Probe.StartsWith(InvalidPathParamProbe.KindId, StringComparison.Ordinal) && c.Check == StatusIsExpected.CheckId).ToList();
        Assert.That(cases, Has.Count.EqualTo(3));
        Assert.That(cases.Select(c => c.Outcome), Has.All.EqualTo(expected));
    }

    [Test]
    public async Task AServerThatCrashesOnAWrongType_WithACacheable500_Fails()
    {
        var (report, _) = await RunAsync(id =>
        {
            if (!int.TryParse(id, out _))
            {
                return new CacheableCrash();
            }

            return Results.Json(new { id }, statusCode: 200);
        });

        var abc = report.Cases.Where(c => c.Probe == "invalid-path-param (id is not an integer: abc)").ToList();
        Assert.That(abc.Single(c => c.Check == StatusIsExpected.CheckId).Problems.Single().Finding.Message, Does.StartWith("invalid-path-param (id is not an integer: abc) on GET /orders/{id}: expected 400 or 404 or 422, got 500 — a path parameter that breaks its type or constraints is the client's mistake"));
        Assert.That(abc.Single(c => c.Check == "not-cacheable-5xx").Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(report.Cases.Single(c => c.Probe == "invalid-path-param (id is below its minimum 1: 0)" && c.Check == StatusIsExpected.CheckId).Outcome, Is.EqualTo(Outcome.Failed), "0 read as an order: 200");
    }

    private sealed class CacheableCrash : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = 500;
            httpContext.Response.Headers.CacheControl = "public, max-age=300";
            return httpContext.Response.WriteAsJsonAsync(new { message = "Input string was not in a correct format" });
        }
    }
}
