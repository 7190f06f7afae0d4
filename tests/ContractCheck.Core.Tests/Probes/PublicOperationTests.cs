using ContractCheck.Core.Checks;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Core.Tests.Probes;

/// <summary>
/// A public operation (security: [] under a global requirement, or public: true in the rules) is called without
/// credentials by happy-path: one that demands a token although its spec says it is public is caught.
/// </summary>
public class PublicOperationTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Status, version: '1'}
        security: [{bearer: []}]
        paths:
          /status:
            get:
              operationId: status
              security: []
              responses:
                '200': {description: up, content: {application/json: {schema: {type: object}}}}
          /me:
            get:
              operationId: me
              security: [{}, {bearer: []}]
              responses:
                '200': {description: who, content: {application/json: {schema: {type: object}}}}
          /reports:
            get:
              operationId: reports
              responses:
                '200': {description: reports, content: {application/json: {schema: {type: array}}}}
                '401': {description: no token, content: {application/json: {schema: {type: object}}}}
          /legacy:
            get:
              operationId: legacy
              security: []
              parameters:
                - {name: Authorization, in: header, required: true, schema: {type: string}}
              responses:
                '200': {description: old, content: {application/json: {schema: {type: object}}}}
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
        """;

    private const string Rules = "auth: {bearer: \"${STATUS_TOKEN}\"}\n";

    private static readonly Dictionary<string, string> Env = new() { ["STATUS_TOKEN"] = "tok-4f1e2d3c" };

    private static Plan PlanOf(string rules = Rules)
    {
        var spec = new SpecLoader().Load(Spec, "spec.yaml", new Uri("file:///spec.yaml"));
        var ruleSet = new RulesLoader(Defaults.Vocabulary, n => Env.GetValueOrDefault(n)).LoadText(rules, "rules.yaml");
        return Planner.Build(spec, ruleSet, PlanOptions.Default, [new HappyPathProbe(), new MissingAuthProbe()]);
    }

    private static Probe HappyPath(Plan plan, string operation) => plan.Probes.Single(p => p.Kind == HappyPathProbe.KindId && p.Operation.OperationId == operation);

    private static bool SendsAuthorization(Probe probe) => probe.Requests[0].Headers.Any(h => h.Key == "Authorization");

    [Test]
    public void SecurityEmptyUnderAGlobalRequirement_IsCalledWithoutCredentials()
    {
        var status = HappyPath(PlanOf(), "status");

        Assert.That(SendsAuthorization(status), Is.False);
        Assert.That(status.DisplayName, Is.EqualTo("happy-path (without credentials)"));
        Assert.That(status.Expected!.Why, Does.Contain("security: []"));
    }

    [Test]
    public void OptionalAuth_ProtectedOperations_AndARequiredCredentialParameter_KeepTheirCredentials()
    {
        var plan = PlanOf();

        Assert.That(SendsAuthorization(HappyPath(plan, "me")), Is.True, "security: [{}, {bearer: []}] makes credentials optional, not the operation public");
        Assert.That(SendsAuthorization(HappyPath(plan, "reports")), Is.True);
        Assert.That(SendsAuthorization(HappyPath(plan, "legacy")), Is.True, "an operation that declares a required Authorization header needs it");
        Assert.That(HappyPath(plan, "me").Label, Is.Null);
    }

    [Test]
    public void PublicInTheRules_IsCalledWithoutCredentials_AndGetsNoAuthProbes()
    {
        var plan = PlanOf(Rules + "operations:\n  reports:\n    public: true\n  \"GET /reports\":\n    headers: {X-Trace: on}\n");

        var reports = HappyPath(plan, "reports");
        Assert.That(SendsAuthorization(reports), Is.False, "public: true survives a second entry naming the same operation");
        Assert.That(reports.Expected!.Why, Does.Contain("operations.reports.public"));
        Assert.That(plan.Probes.Where(p => p.Operation.OperationId == "reports").Select(p => p.Kind), Does.Not.Contain(MissingAuthProbe.KindId));
    }

    private static async Task<Core.Reporting.RunReport> RunAsync(bool demandsToken)
    {
        await using var api = await TestApi.StartAsync(app =>
        {
            app.MapGet("/status", (HttpContext c) => demandsToken && c.Request.Headers.Authorization.Count == 0
                ? Results.Json(new { message = "token required" }, statusCode: 401)
                : Results.Json(new { up = true }));
        });
        return await Pipeline.RunAsync(Spec, Rules, api.BaseUrl, ["status"], env: Env);
    }

    [Test]
    public async Task APublicOperationThatAnswersWithoutCredentials_Passes()
    {
        var report = await RunAsync(demandsToken: false);

        var c = report.Case(StatusIsExpected.CheckId, probe: "happy-path (without credentials)");
        Assert.That(c.Outcome, Is.EqualTo(Outcome.Passed));
        Assert.That(c.Results[0].Exchange!.Request.Headers.Select(h => h.Key), Does.Not.Contain("Authorization"));
    }

    [Test]
    public async Task APublicOperationThatDemandsAToken_Fails()
    {
        var report = await RunAsync(demandsToken: true);

        var c = report.Case(StatusIsExpected.CheckId, probe: "happy-path (without credentials)");
        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.Single().Finding.Message, Does.StartWith("happy-path (without credentials) on GET /status: expected 200, got 401 — the spec marks the operation public"));
    }
}
