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

/// <summary>Where the id of a created item comes from when neither Location nor "id" says: the rules' operations.&lt;op&gt;.id, or the spec's links.</summary>
public class CreatedIdTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Boxes, version: '1'}
        paths:
          /boxes:
            post:
              operationId: createBox
              requestBody: {content: {application/json: {schema: {type: object, properties: {label: {type: string, example: red}}}}}}
              responses:
                '201':
                  description: made
                  content: {application/json: {schema: {type: object}}}
                  LINKS
          /boxes/{key}:
            parameters: [{name: key, in: path, required: true, schema: {type: string}}]
            get:
              operationId: getBox
              responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}, '404': {description: gone}}
            delete:
              operationId: deleteBox
              responses: {'204': {description: deleted}, '404': {description: gone}}
        """;

    private const string Links = "links:\n                    GetBox: {operationId: getBox, parameters: {key: '$response.body#/data/uuid'}}";

    private static Task<TestApi> Boxes(ConcurrentDictionary<string, bool> boxes) => TestApi.StartAsync(app =>
    {
        app.MapPost("/boxes", () =>
        {
            var key = "box-" + Guid.NewGuid().ToString("N")[..8];
            boxes[key] = true;
            return Results.Text($"{{\"data\":{{\"uuid\":\"{key}\"}}}}", "application/json", Encoding.UTF8, 201);
        });
        app.MapGet("/boxes/{key}", (string key) => boxes.ContainsKey(key) ? Results.Json(new { label = "red" }) : Results.NotFound());
        app.MapDelete("/boxes/{key}", (string key) => boxes.TryRemove(key, out _) ? Results.NoContent() : Results.NotFound());
    });

    private static readonly string OnlyLifecycle = ProbesOff.AllBut("lifecycle", "duplicate-create", "missing-auth", "invalid-auth", "hide-existence", "burst");

    [Test]
    public void Links_OfTheCreateNameTheIdInItsBody()
    {
        var spec = new SpecLoader().Load(Spec.Replace("LINKS", Links), "boxes.yaml");
        var context = new PlanContext(spec, new RulesLoader(Defaults.Vocabulary).Load(null), PlanOptions.Default);

        Assert.That(CreatedIdSource.For(spec.Operations.Single(o => o.OperationId == "createBox"), context), Is.EqualTo("$['data']['uuid']"));
    }

    [Test]
    public async Task RulesId_LetsTheLifecycleFindTheItem_AndCleanUp()
    {
        var boxes = new ConcurrentDictionary<string, bool>();
        await using var api = await Boxes(boxes);

        var report = await Pipeline.RunAsync(Spec.Replace("LINKS", ""), OnlyLifecycle + "operations:\n  createBox:\n    id: $.data.uuid\n", api.BaseUrl);

        Assert.That(report.Cases.Where(c => c.Probe == "lifecycle" && c.Check == "expected-status" && c.Outcome == Outcome.Failed).Select(c => c.Results[0].Finding.Message), Is.Empty);
        Assert.That(boxes, Is.Empty, "the lifecycle deleted its box");
    }

    [Test]
    public async Task SpecLinks_LetTheLifecycleFindTheItem()
    {
        var boxes = new ConcurrentDictionary<string, bool>();
        await using var api = await Boxes(boxes);

        var report = await Pipeline.RunAsync(Spec.Replace("LINKS", Links), OnlyLifecycle, api.BaseUrl);

        Assert.That(report.Cases.Where(c => c.Probe == "lifecycle" && c.Check == "expected-status" && c.Outcome == Outcome.Failed).Select(c => c.Results[0].Finding.Message), Is.Empty);
        Assert.That(boxes, Is.Empty);
    }

    [Test]
    public async Task WithoutEither_TheItemCannotBeFound_AndIsReportedLeftBehind()
    {
        var boxes = new ConcurrentDictionary<string, bool>();
        await using var api = await Boxes(boxes);

        var report = await Pipeline.RunAsync(Spec.Replace("LINKS", ""), OnlyLifecycle, api.BaseUrl);

        // Without an id the chain cannot go on: its steps are not sent (no guessed id, no false 404), and say why.
        var lifecycle = report.Outcomes.Single(o => o.Probe.Kind == "lifecycle");
        Assert.That(lifecycle.Exchanges, Has.Count.EqualTo(1), "only the create was sent");
        Assert.That(lifecycle.Unsent.Select(u => u.Reason).Take(2), Has.All.Contains("operations.createBox.id"));
        Assert.That(lifecycle.Unsent.Select(u => u.Reason).Skip(2), Has.All.EqualTo("not sent: the delete it needs was not sent either"));
        Assert.That(report.Cases.Where(c => c.Probe == "lifecycle" && c.Outcome == Outcome.Failed).Select(c => c.Check), Is.EqualTo(new[] { "required-headers" }), "only the create's own 201 without Location");
        Assert.That(boxes, Has.Count.EqualTo(1));
        var left = report.Cleanup.Single(c => !c.Deleted);
        Assert.That(left.Detail, Does.StartWith("its id could not be read from the create's answer"));
        Assert.That(left.Item.Path, Is.EqualTo("/boxes (id unknown)"), "reported under the collection it was created in");
    }
}
