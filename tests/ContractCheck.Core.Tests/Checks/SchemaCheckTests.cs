using System.Text;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Core.Tests.Checks;

/// <summary>response-schema, response-headers and error-shape: each fails on a real answer that breaks it and passes on one that keeps it.</summary>
public class SchemaCheckTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: {title: Widgets, version: '1'}
        paths:
          /widgets:
            get:
              operationId: listWidgets
              responses:
                '200':
                  description: the widgets
                  headers:
                    X-Total-Count: {required: true, schema: {type: integer, minimum: 0}}
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [items]
                        properties:
                          items:
                            type: array
                            items: {$ref: '#/components/schemas/Widget'}
                '404':
                  description: none
                  content: {application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}}
        components:
          schemas:
            Widget:
              type: object
              required: [id, price]
              properties:
                id: {type: string, format: uuid}
                price: {type: number, minimum: 0}
                secret: {type: string, writeOnly: true}
            Problem:
              type: object
              required: [title, status]
              properties:
                title: {type: string}
                status: {type: integer}
        """;

    private const string Rules = "errors:\n  schema: '#/components/schemas/Problem'\n  contentTypes: [application/problem+json]\n";

    private static async Task<ReportCase> Judge(string check, Func<HttpContext, Task> handler, string rules = Rules)
    {
        await using var api = await TestApi.StartAsync(app => app.MapGet("/widgets", handler));
        var report = await Pipeline.RunAsync(Spec, rules, api.BaseUrl);
        return report.Case(check);
    }

    private static Func<HttpContext, Task> Answer(int status, string json, string type = "application/json", string? total = "2") => async ctx =>
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = type;
        if (total is not null)
        {
            ctx.Response.Headers["X-Total-Count"] = total;
        }

        await ctx.Response.WriteAsync(json, Encoding.UTF8);
    };

    private const string Good = "{\"items\":[{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"price\":9.5}]}";

    [Test]
    public async Task ResponseSchema_WrongTypeDeepInside_FailsWithPathAndReason()
    {
        var c = await Judge("response-schema", Answer(200, "{\"items\":[{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"price\":\"9.50\"}]}"));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.Single().Finding.Message, Is.EqualTo("200: $.items[0].price: expected number, got string"));
        Assert.That(c.Problems.Single().Finding.Source, Is.EqualTo("#/components/schemas/Widget/properties/price/type"));
    }

    [TestCase("{\"items\":[{\"price\":1}]}", "200: $.items[0]: missing required property 'id'")]
    [TestCase("{\"items\":[{\"id\":\"nope\",\"price\":1}]}", "200: $.items[0].id: \"nope\" is not a valid uuid")]
    [TestCase("{\"items\":[{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"price\":1,\"secret\":\"hunter2\"}]}", "200: $.items[0].secret: writeOnly property 'secret' must not be in a response")]
    [TestCase("{\"items\":[", "200: the body is not valid JSON")]
    public async Task ResponseSchema_BrokenBodies_Fail(string body, string message)
    {
        var c = await Judge("response-schema", Answer(200, body));

        Assert.That(c.Problems.First().Finding.Message, Does.StartWith(message));
    }

    [Test]
    public async Task ResponseSchema_MatchingBody_Passes()
    {
        var c = await Judge("response-schema", Answer(200, Good));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task ResponseSchema_FormatsSwitchedOff_DoNotFail()
    {
        var c = await Judge("response-schema", Answer(200, "{\"items\":[{\"id\":\"nope\",\"price\":1}]}"), Rules + "conventions: {validateFormats: false}\n");

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task ResponseHeaders_RequiredHeaderMissing_Fails()
    {
        var c = await Judge("response-headers", Answer(200, Good, total: null));

        Assert.That(c.Problems.Single().Finding.Message, Is.EqualTo("200: the required header X-Total-Count is missing"));
    }

    [Test]
    public async Task ResponseHeaders_HeaderBreakingItsSchema_Fails()
    {
        var c = await Judge("response-headers", Answer(200, Good, total: "-3"));

        Assert.That(c.Problems.Single().Finding.Message, Is.EqualTo("200: header X-Total-Count: -3 is less than the minimum 0"));
    }

    [Test]
    public async Task ResponseHeaders_Present_Passes()
    {
        var c = await Judge("response-headers", Answer(200, Good));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task ErrorShape_WrongMediaType_Fails()
    {
        var c = await Judge("error-shape", Answer(404, "{\"title\":\"Not Found\",\"status\":404}", "application/json"));

        Assert.That(c.Problems.Single().Finding.Message, Is.EqualTo("404 came as application/json; errors must be application/problem+json"));
    }

    [Test]
    public async Task ErrorShape_BodyOffShape_Fails()
    {
        var c = await Judge("error-shape", Answer(404, "{\"error\":\"not found\"}", "application/problem+json"));

        Assert.That(c.Problems.First().Finding.Message, Is.EqualTo("404: $: missing required property 'title' (error shape #/components/schemas/Problem)"));
    }

    [Test]
    public async Task ErrorShape_MatchingProblem_Passes()
    {
        var c = await Judge("error-shape", Answer(404, "{\"title\":\"Not Found\",\"status\":404}", "application/problem+json"));

        Assert.That(c.Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task ErrorShape_InlineSchema_IsUsed()
    {
        const string inline = "errors:\n  schema: {type: object, required: [code]}\n";

        var failed = await Judge("error-shape", Answer(404, "{\"title\":\"x\",\"status\":404}", "application/problem+json"), inline);
        var passed = await Judge("error-shape", Answer(404, "{\"code\":\"E1\"}", "application/problem+json"), inline);

        Assert.That(failed.Problems.First().Finding.Message, Does.StartWith("404: $: missing required property 'code'"));
        Assert.That(passed.Outcome, Is.EqualTo(Outcome.Passed));
    }

    [TestCase("errors:\n  schema: '#/components/schemas/Problem/properties/title'\n", "is not a schema of the spec")]
    [TestCase("errors:\n  schema: {type: object, properties: 3}\n", "errors.schema (inline)")]
    public void ErrorShape_NotASchema_IsARulesErrorAtItsPlace(string rules, string message)
    {
        var settings = new RunSettings { Spec = "spec.yaml", SpecText = Spec, Rules = "rules.yaml", RulesText = rules, BaseUrl = new Uri("http://127.0.0.1:1/") };

        var e = Assert.Throws<ContractCheckException>(() => ContractRun.Prepare(settings))!;

        Assert.That(e.Message, Does.Contain(message));
        Assert.That(e.Location!.ToString(), Is.EqualTo("rules.yaml:2:3"));
        Assert.That(e.Hint, Is.Not.Empty);
    }

    [Test]
    public void ErrorShape_UnknownSchema_IsARulesErrorWithASuggestion()
    {
        var settings = new RunSettings
        {
            Spec = "spec.yaml",
            SpecText = Spec,
            Rules = "rules.yaml",
            RulesText = "errors:\n  schema: '#/components/schemas/Problm'\n",
            BaseUrl = new Uri("http://127.0.0.1:1/"),
        };

        var e = Assert.Throws<ContractCheckException>(() => ContractRun.Prepare(settings))!;

        Assert.That(e.Location!.ToString(), Is.EqualTo("rules.yaml:2:3"));
        Assert.That(e.Hint, Is.EqualTo("did you mean \"#/components/schemas/Problem\"?"));
    }
}
