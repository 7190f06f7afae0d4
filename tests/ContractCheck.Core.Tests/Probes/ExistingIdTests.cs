using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Core.Tests.Probes;

/// <summary>
/// Creating what already exists: a create carrying the id of the item the probe's own create made, as read back. A
/// client-chosen id is duplicate-create's (409); a readOnly id is invalid-body's (refused, or ignored — never taken).
/// Each on a Kestrel server that answers right and on one with exactly the mistake.
/// </summary>
public class ExistingIdTests
{
    private const string KeysSpec = """
        openapi: 3.0.3
        info: {title: Keys, version: '1'}
        paths:
          /keys:
            post:
              operationId: createKey
              requestBody:
                required: true
                content: {application/json: {schema: {type: object, required: [key, value], properties: {key: {type: string, pattern: '^[a-z]{4,12}$'}, value: {type: string}}}}}
              responses:
                '201': {description: made, headers: {Location: {schema: {type: string}}}, content: {application/json: {schema: {type: object}}}}
                '409': {description: the key exists, content: {application/json: {schema: {type: object}}}}
          /keys/{key}:
            parameters: [{name: key, in: path, required: true, schema: {type: string}}]
            get:
              operationId: getKey
              responses: {'200': {description: it, content: {application/json: {schema: {type: object}}}}, '404': {description: none}}
            delete:
              operationId: deleteKey
              responses: {'204': {description: deleted}, '404': {description: none}}
        """;

    private const string Rules = "probes: {wrong-method: off, invalid-body: off, bad-json: off, wrong-content-type: off}\n";

    private enum KeyServer { Conflict, Crash, AssignsIds }

    private static async Task<(RunReport Report, ConcurrentQueue<string> Posted, ConcurrentDictionary<string, string> Store)> RunKeysAsync(KeyServer kind)
    {
        var posted = new ConcurrentQueue<string>();
        var store = new ConcurrentDictionary<string, string>();
        var next = 0;
        await using var api = await TestApi.StartAsync(app =>
        {
            app.MapPost("/keys", async (HttpContext c) =>
            {
                var body = await JsonSerializer.DeserializeAsync<JsonObject>(c.Request.Body);
                var key = kind == KeyServer.AssignsIds ? "k" + Interlocked.Increment(ref next) : (string)body!["key"]!;
                posted.Enqueue((string)body!["key"]!);
                if (!store.TryAdd(key, (string)body["value"]!))
                {
                    return kind == KeyServer.Crash
                        ? Results.Json(new { error = "IntegrityError", trace = new[] { "  File \"/srv/keys/app.py\", line 9, in create\n" } }, statusCode: 500)
                        : Results.Json(new { message = $"key {key} exists" }, statusCode: 409);
                }

                return Results.Created($"/keys/{key}", new { key });
            });
            app.MapGet("/keys/{key}", (string key) => store.TryGetValue(key, out var value) ? Results.Json(new { key, value }) : Results.NotFound());
            app.MapDelete("/keys/{key}", (string key) => store.TryRemove(key, out _) ? Results.NoContent() : Results.NotFound());
        });
        var report = await Pipeline.RunAsync(KeysSpec, Rules, api.BaseUrl, ["createKey", "getKey", "deleteKey"]);
        return (report, posted, store);
    }

    private const string ExistingKey = "duplicate-create (the key of an existing item)";

    [Test]
    public async Task AClientChosenIdThatExists_409_Passes_AndTheIdIsTheOneItsOwnCreateMade()
    {
        var (report, posted, store) = await RunKeysAsync(KeyServer.Conflict);

        var outcome = report.Outcomes.Single(o => o.Probe.DisplayName == ExistingKey);
        var (first, second) = (outcome.Exchanges[0], outcome.Exchanges[1]);
        Assert.That(second.Response!.Status, Is.EqualTo(409));
        Assert.That(JsonNode.Parse(second.Request.Body!)!["key"]!.GetValue<string>(), Is.EqualTo(JsonNode.Parse(first.Request.Body!)!["key"]!.GetValue<string>()), "the key its own create made, as read back");
        Assert.That(JsonNode.Parse(second.Request.Body!)!["value"]!.GetValue<string>(), Is.Not.EqualTo(JsonNode.Parse(first.Request.Body!)!["value"]!.GetValue<string>()), "another body, the same id");
        Assert.That(report.Cases.Where(c => c.Probe == ExistingKey).Select(c => c.Outcome), Has.All.EqualTo(Outcome.Passed));
        Assert.That(store, Is.Empty, "what the probe made is deleted");
        Assert.That(posted.Count(k => k == JsonNode.Parse(first.Request.Body!)!["key"]!.GetValue<string>()), Is.EqualTo(2), "no other request named that key");
    }

    [Test]
    public async Task AClientChosenIdThatExists_AnsweredWithACrashAndATraceback_Fails()
    {
        var (report, _, store) = await RunKeysAsync(KeyServer.Crash);

        var cases = report.Cases.Where(c => c.Probe == ExistingKey).ToList();
        Assert.That(cases.Single(c => c.Check == StatusIsExpected.CheckId).Problems.Single().Finding.Message, Does.StartWith($"{ExistingKey} (existing-id) on POST /keys: expected 409, got 500"));
        Assert.That(cases.Single(c => c.Check == "no-leak").Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(store, Is.Empty);
    }

    [Test]
    public async Task AServerThatChoosesIds_GetsNoSecondCreate_AndNoFailure()
    {
        var (report, _, store) = await RunKeysAsync(KeyServer.AssignsIds);

        var outcome = report.Outcomes.Single(o => o.Probe.DisplayName == ExistingKey);
        Assert.That(outcome.Exchanges, Has.Count.EqualTo(1));
        Assert.That(outcome.Unsent.Single().Reason, Does.Contain("the server chooses ids"));
        Assert.That(report.Cases.Where(c => c.Probe == ExistingKey).Select(c => c.Outcome), Has.None.EqualTo(Outcome.Failed));
        Assert.That(store, Is.Empty);
    }

    private const string NotesSpec = """
        openapi: 3.0.3
        info: {title: Notes, version: '1'}
        paths:
          /notes:
            post:
              operationId: createNote
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}
              responses:
                '201': {description: made, headers: {Location: {schema: {type: string}}}, content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}}
                '422': {description: invalid, content: {application/json: {schema: {type: object}}}}
          /notes/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
            get:
              operationId: getNote
              responses: {'200': {description: it, content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}}, '404': {description: none}}
            delete:
              operationId: deleteNote
              responses: {'204': {description: deleted}, '404': {description: none}}
        components:
          schemas:
            Note:
              type: object
              required: [text]
              properties:
                id: {type: integer, readOnly: true}
                text: {type: string}
        """;

    public enum NoteServer { Refuses, Ignores, Takes }

    private static async Task<(RunReport Report, ConcurrentDictionary<long, string> Store)> RunNotesAsync(NoteServer kind, string rules = "conventions: {validationStatus: 422}\nprobes: {wrong-method: off, bad-json: off, wrong-content-type: off}\n")
    {
        var store = new ConcurrentDictionary<long, string>();
        var next = 0L;
        await using var api = await TestApi.StartAsync(app =>
        {
            app.MapPost("/notes", async (HttpContext c) =>
            {
                var body = await JsonSerializer.DeserializeAsync<JsonObject>(c.Request.Body);
                if (body?["text"] is not JsonValue text || text.GetValueKind() != JsonValueKind.String || body.Any(p => p.Key is not ("text" or "id")))
                {
                    return Results.Json(new { message = "text is required" }, statusCode: 422);
                }

                if (body["id"] is { } sent && kind != NoteServer.Ignores)
                {
                    if (kind == NoteServer.Refuses)
                    {
                        return Results.Json(new { message = "id is the server's" }, statusCode: 422);
                    }

                    // Takes it: the existing note is overwritten.
                    var taken = sent.GetValue<long>();
                    store[taken] = (string)text!;
                    return Results.Created($"/notes/{taken}", new { id = taken, text = (string)text! });
                }

                var id = Interlocked.Increment(ref next);
                store[id] = (string)text!;
                return Results.Created($"/notes/{id}", new { id, text = (string)text! });
            });
            app.MapGet("/notes/{id}", (long id) => store.TryGetValue(id, out var text) ? Results.Json(new { id, text }) : Results.NotFound());
            app.MapDelete("/notes/{id}", (long id) => store.TryRemove(id, out _) ? Results.NoContent() : Results.NotFound());
        });
        var report = await Pipeline.RunAsync(NotesSpec, rules, api.BaseUrl, ["createNote", "getNote", "deleteNote"]);
        return (report, store);
    }

    private const string ReadOnlyId = "invalid-body (readOnly 'id' of an existing item)";

    [TestCase(NoteServer.Refuses, 422)]
    [TestCase(NoteServer.Ignores, 201)]
    public async Task AReadOnlyIdRefusedOrIgnored_Passes(NoteServer kind, int status)
    {
        var (report, store) = await RunNotesAsync(kind);

        var outcome = report.Outcomes.Single(o => o.Probe.DisplayName == ReadOnlyId);
        Assert.That(outcome.Exchanges[1].Response!.Status, Is.EqualTo(status));
        Assert.That(JsonNode.Parse(outcome.Exchanges[1].Request.Body!)!["id"]!.ToJsonString(), Is.EqualTo(JsonNode.Parse(outcome.Exchanges[0].Response!.Body)!["id"]!.ToJsonString()), "the id as its own create's answer gave it, as a number");
        Assert.That(report.Cases.Where(c => c.Probe == ReadOnlyId).Select(c => c.Outcome), Has.All.EqualTo(Outcome.Passed));
        Assert.That(report.Cases.Any(c => c.Probe == ReadOnlyId && c.Check == ReadOnlyIdIsNotTaken.CheckId), Is.EqualTo(status == 201));
        Assert.That(store, Is.Empty);
    }

    [Test]
    public async Task AReadOnlyIdTaken_FailsReadOnlyId()
    {
        var (report, store) = await RunNotesAsync(NoteServer.Takes);

        var c = report.Cases.Single(x => x.Probe == ReadOnlyId && x.Check == ReadOnlyIdIsNotTaken.CheckId);
        Assert.That(c.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(c.Problems.Single().Finding.Message, Does.StartWith("201: the create sent the readOnly 'id' "));
        Assert.That(store, Is.Empty);
    }

    [Test]
    public async Task AStatelessApi_IsNotAskedTheReadOnlyCase()
    {
        var (report, _) = await RunNotesAsync(NoteServer.Takes, "conventions: {validationStatus: 422, stateful: false}\n");

        Assert.That(report.Outcomes.Single(o => o.Probe.DisplayName == ReadOnlyId).NotRunReason, Does.Contain("stateless"));
    }
}
