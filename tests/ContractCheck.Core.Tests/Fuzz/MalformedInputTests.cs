using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Schema;
using ContractCheck.Core.Spec;
using ContractCheck.Core.Tests.Checks;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Core.Tests.Fuzz;

/// <summary>Hostile and broken inputs: each loads, or fails with one located ContractCheckException, in bounded time and memory.</summary>
public class MalformedInputTests
{
    private const string Head = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";

    private static ContractCheckException Refused(string text, string name = "bad.yaml") =>
        Assert.Throws<ContractCheckException>(() => new SpecLoader().Load(text, name))!;

    [Test]
    public void Spec_NestedTenThousandLevelsJson_IsRefusedWithItsPlace()
    {
        var deep = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{},\"components\":{\"schemas\":{\"S\":" + string.Concat(Enumerable.Repeat("{\"items\":", 10_000)) + "{}" + new string('}', 10_000) + "}}}";

        var e = Refused(deep, "deep.json");

        Assert.That(e.Message, Does.StartWith("not valid JSON"));
        Assert.That(e.Hint, Does.Contain("nests deeper than 256 levels"));
        Assert.That(e.Location!.Line, Is.EqualTo(1));
    }

    [Test]
    public void Spec_NestedTenThousandLevelsYaml_IsRefusedWithItsPlace()
    {
        var deep = Head + "paths: {}\ncomponents:\n  schemas:\n    S: " + string.Concat(Enumerable.Repeat("{items: ", 10_000)) + "{}" + new string('}', 10_000) + "\n";

        var e = Refused(deep);

        Assert.That(e.Message, Does.Contain("nests deeper than 256 levels"));
        Assert.That(e.Location!.Line, Is.EqualTo(6));
    }

    [Test]
    public void Spec_BillionLaughs_IsRefused()
    {
        var lines = new StringBuilder(Head + "x-lol:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            lines.Append($"  a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var clock = Stopwatch.StartNew();
        var e = Refused(lines + "paths: {}\n");

        Assert.That(e.Message, Does.Contain("expands to too many nodes"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "refused, not expanded");
    }

    [Test]
    public void Spec_FiftyMegabytes_Loads()
    {
        var description = new string('x', 50 * 1024 * 1024);
        var spec = new SpecLoader().Load("{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"big\",\"version\":\"1\",\"description\":\"" + description + "\"},\"paths\":{\"/a\":{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}", "big.json");

        Assert.That(spec.Operations, Has.Count.EqualTo(1));
    }

    [TestCase("paths: 5\n", false)]
    [TestCase("paths:\n  /a: [1, 2]\n", false)]
    [TestCase("paths:\n  /a:\n    get: hello\n", false)]
    [TestCase("paths:\n  /a:\n    get:\n      responses: [200]\n", false)]
    [TestCase("paths:\n  /a:\n    get:\n      parameters: {name: x}\n      responses: {'200': {description: ok}}\n", false)]
    [TestCase("paths:\n  /a:\n    get:\n      responses: {'200': {description: ok, content: {application/json: {schema: {type: object, minLength: true}}}}}\n", true)]
    [TestCase("paths:\n  /a/{:\n    get:\n      responses: {'200': {description: ok}}\n", false)]
    public void Spec_WrongTypes_LoadWithWarningsOrFailWithAPlace(string paths, bool refused)
    {
        if (refused)
        {
            // The document cannot be read as meant: one error with its place.
            var e = Assert.Throws<ContractCheckException>(() => new SpecLoader().Load(Head + paths, "types.yaml"))!;
            Assert.That(e.Location?.File, Is.EqualTo("types.yaml"));
            return;
        }

        // The rest of the document is usable: it loads and plans, and says what it could not read.
        var spec = new SpecLoader().Load(Head + paths, "types.yaml");
        Assert.DoesNotThrow(() => Planner.Build(spec, new RulesLoader(Defaults.Vocabulary).Load(null), PlanOptions.Default));
        Assert.That(spec.Warnings, Is.Not.Empty, "a part the loader could not read is a warning, not silence");
    }

    [Test]
    public void Spec_SelfAndMutualRecursion_LoadPlanAndValidateWithoutHanging()
    {
        var spec = new SpecLoader().Load(Head + """
            paths:
              /a:
                post:
                  requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}
                  responses: {'200': {description: ok}}
            components:
              schemas:
                A: {allOf: [{$ref: '#/components/schemas/B'}], properties: {next: {$ref: '#/components/schemas/A'}}}
                B: {anyOf: [{$ref: '#/components/schemas/A'}, {type: object}]}
                Loop: {$ref: '#/components/schemas/Loop'}
            """, "cycles.yaml");

        var plan = Planner.Build(spec, new RulesLoader(Defaults.Vocabulary).Load(null), PlanOptions.Default);
        var errors = new SchemaValidator(spec.Document).Validate(JsonNode.Parse("{\"next\":{\"next\":{}}}"), spec.Document.Components!.Schemas!["A"]);

        Assert.That(plan.Probes, Is.Not.Empty);
        Assert.That(errors.Count, Is.LessThanOrEqualTo(20));
    }

    [Test]
    public void Spec_UnresolvableAndCircularDeepPointers_AreWarnings()
    {
        var spec = new SpecLoader().Load(Head + """
            paths:
              /a:
                get:
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/paths/~1a/get/responses/200/content/application~1json/schema'}}}}
                    '404': {$ref: '#/components/responses/Nope'}
            """, "pointers.yaml");

        Assert.That(spec.Warnings.Select(w => w.ToString()), Has.Some.Contains("#/components/responses/Nope"));
        Assert.That(spec.Operations, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Rules_CatastrophicRegex_TimesOutAsAnErrorAndTheRunGoesOn()
    {
        await using var api = await TestApi.StartAsync(app => app.Map("/{**rest}", () => Results.Text(new string('a', 40) + "!", "text/plain", Encoding.UTF8, 400)));
        var rules = ProbesOff.AllBut("happy-path", "missing-auth", "invalid-auth", "hide-existence", "burst") + "responses:\n  - status: 4xx\n    forbid: {bodyMatches: ['^(a+)+$']}\n";
        var clock = Stopwatch.StartNew();

        var report = await Pipeline.RunAsync(ItemsApi.Spec, rules, api.BaseUrl);

        var timedOut = report.Results.Where(r => r.Finding.Check == ResponseRule.DefaultCheck && r.Finding.Outcome == Outcome.Error).ToList();
        Assert.That(timedOut, Is.Not.Empty);
        Assert.That(timedOut[0].Finding.Message, Does.Contain("ran longer than 250 ms"));
        Assert.That(report.Results.Any(r => r.Finding.Check == "status-documented"), Is.True, "the other checks still ran");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)));
    }
}
