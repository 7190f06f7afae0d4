using System.Collections.Concurrent;
using System.Text;
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
/// What runs against the real APIs of tests/realworld showed (alertmanager, etcd), each on a small server of its
/// own: the tool was wrong there, and each test fails on the tool as it was.
/// </summary>
public class RealWorldFindingsTests
{
    // Alertmanager's shape: POST /silences creates, the item is /silence/{silenceID}; 404 of an unknown one has no body.
    private const string SilencesSpec = """
        openapi: 3.0.3
        info: {title: Silences, version: '1'}
        security: [{key: []}]
        paths:
          /silences:
            post:
              operationId: postSilences
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: object, required: [comment], properties: {comment: {type: string, example: maintenance}}}
              responses:
                '200':
                  description: created
                  content:
                    application/json:
                      schema: {type: object, properties: {silenceID: {type: string}}}
                '401': {description: no key, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
          /silence/{silenceID}:
            parameters:
              - {name: silenceID, in: path, required: true, schema: {type: string}}
            get:
              operationId: getSilence
              responses:
                '200': {description: the silence, content: {application/json: {schema: {type: object}}}}
                '404': {description: no such silence}
            delete:
              operationId: deleteSilence
              responses:
                '200': {description: deleted}
                '404': {description: no such silence}
          /login:
            post:
              operationId: login
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: object, properties: {password: {type: string}}}
              responses:
                '200': {description: a token, content: {application/json: {schema: {type: object}}}}
        components:
          securitySchemes:
            key: {type: apiKey, in: header, name: X-Key}
          schemas:
            Error: {type: object, required: [message], properties: {message: {type: string}}}
        """;

    private static string Rules(string extra = "") => """
        auth:
          header: {name: X-Key, value: "${SILENCE_KEY}"}
        errors:
          schema: "#/components/schemas/Error"
          contentTypes: [application/json]
        operations:
          login:
            public: true
            body: {password: "${LOGIN_PASSWORD}"}

        """ + extra;

    private static readonly Dictionary<string, string> Env = new() { ["SILENCE_KEY"] = "key-0123456789", ["LOGIN_PASSWORD"] = "pw-s3cret-value-42" };

    private static async Task<(Core.Reporting.RunReport Report, ConcurrentDictionary<string, string> Store, ConcurrentQueue<string> Log)> RunAsync(bool emptyNotFound = true)
    {
        var store = new ConcurrentDictionary<string, string>();
        var log = new ConcurrentQueue<string>();
        var next = 0;
        await using var api = await TestApi.StartAsync(app =>
        {
            app.Use(async (context, nextStep) =>
            {
                log.Enqueue($"{context.Request.Method} {context.Request.Path}");
                if (context.Request.Path != "/login" && context.Request.Headers["X-Key"] != Env["SILENCE_KEY"])
                {
                    context.Response.StatusCode = 401;
                    context.Response.Headers.WWWAuthenticate = "ApiKey";
                    await context.Response.WriteAsJsonAsync(new { message = "no key" });
                    return;
                }

                await nextStep(context);
            });
            app.MapPost("/silences", () =>
            {
                var id = "s" + Interlocked.Increment(ref next);
                store[id] = "active";
                return Results.Json(new { silenceID = id });
            });
            app.MapGet("/silence/{id}", (string id) => store.ContainsKey(id) ? Results.Json(new { id }) : emptyNotFound ? Results.StatusCode(404) : Results.Text("gone", "text/plain", Encoding.UTF8, 404));
            app.MapDelete("/silence/{id}", (string id) => store.TryRemove(id, out _) ? Results.Ok() : Results.StatusCode(404));
            app.MapPost("/login", () => Results.Json(new { token = "t" }));
        });
        var report = await Pipeline.RunAsync(SilencesSpec, Rules(), api.BaseUrl, env: Env);
        return (report, store, log);
    }

    [Test]
    public async Task ACreateWhoseItemPathIsSingular_IsCountedAndDeleted()
    {
        var (report, store, log) = await RunAsync();

        Assert.That(report.Created, Is.GreaterThan(0));
        Assert.That(report.Deleted, Is.EqualTo(report.Created));
        Assert.That(store, Is.Empty, "every silence the run made is deleted");
        Assert.That(log, Has.Some.Match("^DELETE /silence/s\\d+$"));
    }

    [Test]
    public async Task AnErrorTheSpecDocumentsWithoutBody_PassesErrorShapeWhenNoneComes()
    {
        var (report, _, _) = await RunAsync();

        Assert.That(report.Results.Where(r => r.Finding.Check == ErrorMatchesShape.CheckId && r.Exchange?.Response?.Status == 404).Select(r => r.Finding.Outcome), Has.Some.EqualTo(Outcome.Passed).And.None.EqualTo(Outcome.Failed));
    }

    [Test]
    public async Task AnErrorBodyOfAnotherShape_StillFailsErrorShape()
    {
        var (report, _, _) = await RunAsync(emptyNotFound: false);

        Assert.That(report.Results.Where(r => r.Finding.Check == ErrorMatchesShape.CheckId && r.Exchange?.Response?.Status == 404).Select(r => r.Finding.Outcome), Has.Some.EqualTo(Outcome.Failed));
    }

    [Test]
    public async Task AnOperationTheRulesCallPublic_GetsNoAuthProbes_AndIsNoBypass()
    {
        var (report, _, _) = await RunAsync();

        var probes = report.Plan.Probes.Where(p => p.Operation.OperationId == "login").Select(p => p.Kind).ToList();
        Assert.That(probes, Does.Not.Contain(MissingAuthProbe.KindId).And.Not.Contain(InvalidAuthProbe.KindId));
        Assert.That(report.Plan.Probes.Where(p => p.Operation.OperationId == "postSilences").Select(p => p.Kind), Does.Contain(MissingAuthProbe.KindId));
        Assert.That(report.Results.Where(r => r.Finding.Title.Contains("BYPASS", StringComparison.OrdinalIgnoreCase)), Is.Empty);
    }

    [Test]
    public void AValueTheEnvironmentGave_IsASecret_ADefaultIsNot()
    {
        var run = ContractRun.Prepare(new RunSettings
        {
            Spec = "spec.yaml",
            SpecText = SilencesSpec,
            Rules = "rules.yaml",
            RulesText = Rules("    headers: {X-Tenant: \"${TENANT:-acme-tenant}\"}\n"),
            BaseUrl = new Uri("http://127.0.0.1:1"),
            Plan = PlanOptions.Default,
            Environment = name => Env.GetValueOrDefault(name),
        });

        Assert.That(run.Redactor.Text("curl -d '{\"password\":\"pw-s3cret-value-42\"}'"), Does.Not.Contain("pw-s3cret-value-42"));
        Assert.That(run.Redactor.Text("X-Tenant: acme-tenant"), Does.Contain("acme-tenant"));
    }

    [Test]
    public void Trace_MayAlsoBeAnswered501()
    {
        var spec = new SpecLoader().Load(SilencesSpec, "spec.yaml", new Uri("file:///spec.yaml"));
        var rules = new RulesLoader(Defaults.Vocabulary).Load(null);
        var plan = Planner.Build(spec, rules, PlanOptions.Default, [new WrongMethodProbe()]);

        var trace = plan.Probes.First(p => p.Operation.Method == "TRACE").Expected!;
        var put = plan.Probes.First(p => p.Operation.Method == "PUT").Expected!;
        Assert.That(trace.Allows(501) && trace.Allows(405), Is.True);
        Assert.That(put.Allows(501), Is.False);
        Assert.That(put.Allows(405), Is.True);
    }

    [Test]
    public async Task ASwagger2ResponseWithoutSchema_IsABodylessError_UnderTheDocumentsProduces()
    {
        // Alertmanager's spec: Swagger 2.0, produces application/json, 404 documented without a schema, sent empty.
        const string spec = """
            swagger: '2.0'
            info: {title: Silences, version: '1'}
            produces: [application/json]
            paths:
              /silence/{silenceID}:
                get:
                  operationId: getSilence
                  parameters: [{name: silenceID, in: path, required: true, type: string}]
                  responses:
                    '200': {description: the silence, schema: {type: object}}
                    '404': {description: no such silence}
            definitions:
              Error: {type: object, required: [message], properties: {message: {type: string}}}
            """;
        await using var api = await TestApi.StartAsync(app => app.MapGet("/silence/{id}", () => Results.StatusCode(404)));

        var report = await Pipeline.RunAsync(spec, "errors: {schema: '#/definitions/Error', contentTypes: [application/json]}\n", api.BaseUrl);

        var shapes = report.Results.Where(r => r.Finding.Check == ErrorMatchesShape.CheckId && r.Exchange?.Response?.Status == 404).Select(r => r.Finding.Outcome).ToList();
        Assert.That(shapes, Is.Not.Empty);
        Assert.That(shapes, Has.All.EqualTo(Outcome.Passed));
    }

    [TestCase("", false)]
    [TestCase(", schema: {type: object}", true)]
    public void ASwagger2Delete200WithoutSchema_IsNoDeleteWithABody(string schema, bool warned)
    {
        var spec = new SpecLoader().Load($$"""
            swagger: '2.0'
            info: {title: Silences, version: '1'}
            produces: [application/json]
            paths:
              /silence/{silenceID}:
                delete:
                  operationId: deleteSilence
                  parameters: [{name: silenceID, in: path, required: true, type: string}]
                  responses:
                    '200': {description: deleted{{schema}}}
            """, "spec.yaml", new Uri("file:///spec.yaml"));
        var plan = Planner.Build(spec, new RulesLoader(Defaults.Vocabulary).Load(null), PlanOptions.Default, [new HappyPathProbe()]);

        Assert.That(plan.DesignWarnings.Any(w => w.Message.Contains("200 and a body")), Is.EqualTo(warned));
    }
}
