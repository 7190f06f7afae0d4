using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Core.Tests.Execution;

/// <summary>
/// What a full run leaves on the target: data that was there before is never written to, and what the run made is
/// gone at the end. Each against a small server written here, with every request it received logged.
/// </summary>
public class SafetyTests
{
    private const string CatalogueSpec = """
        openapi: 3.0.3
        info: {title: Catalogue, version: '1'}
        paths:
          /items:
            get:
              operationId: listItems
              responses:
                '200': {description: the items, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Item'}}}}}
            post:
              operationId: createItem
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/NewItem'}
                    example: {code: 1001, name: Widget, price: 10}
              responses:
                '201': {description: created, headers: {Location: {schema: {type: string}}}, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
                '400': {description: not JSON}
                '409': {description: an item with this code exists}
                '415': {description: not JSON}
                '422': {description: breaks the schema}
          /items/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer, format: int64, minimum: 1}, example: 1}
            get:
              operationId: getItem
              responses:
                '200': {description: the item, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
                '404': {description: no such item}
            put:
              operationId: replaceItem
              requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/NewItem'}}}}
              responses:
                '200': {description: replaced, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
                '404': {description: no such item}
                '422': {description: breaks the schema}
            patch:
              operationId: updateItem
              requestBody: {required: true, content: {application/json: {schema: {type: object, properties: {name: {type: string}, price: {type: number, minimum: 0}}, additionalProperties: false}}}}
              responses:
                '200': {description: updated, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
                '404': {description: no such item}
                '422': {description: breaks the schema}
            delete:
              operationId: deleteItem
              responses:
                '204': {description: deleted}
                '404': {description: no such item}
        components:
          schemas:
            NewItem:
              type: object
              required: [code, name, price]
              additionalProperties: false
              properties:
                code: {type: integer, minimum: 1, description: unique}
                name: {type: string, minLength: 1}
                price: {type: number, minimum: 0}
            Item:
              type: object
              required: [id, code, name, price]
              properties:
                id: {type: integer}
                code: {type: integer}
                name: {type: string}
                price: {type: number}
        """;

    private const string SessionsSpec = """
        openapi: 3.0.3
        info: {title: Shells, version: '1'}
        paths:
          /sessions:
            post:
              operationId: openSession
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [kind]
                      additionalProperties: false
                      properties:
                        kind: {type: string, enum: [shell, repl]}
              responses:
                '200':
                  description: the session, named by the server
                  content:
                    application/json:
                      schema: {type: object, required: [name, kind], properties: {name: {type: string}, kind: {type: string}}}
                '400': {description: not JSON}
                '415': {description: not JSON}
                '422': {description: breaks the schema}
          /sessions/{name}:
            parameters:
              - {name: name, in: path, required: true, schema: {type: string}}
            delete:
              operationId: closeSession
              responses:
                '204': {description: closed}
                '404': {description: no such session}
        """;

    private static async Task<(RunReport Report, string Console)> RunAsync(string spec, Uri baseUrl)
    {
        var console = new TextConsole();
        var settings = new RunSettings
        {
            Spec = "openapi.yaml",
            SpecText = spec,
            Rules = "contractcheck.yaml",
            RulesText = "# built-in tables only\n",
            BaseUrl = baseUrl,
            Plan = PlanOptions.Default with { Seed = 11 },
        };
        var report = await ContractRun.Prepare(settings).ExecuteAsync(new ConsoleReporter(console.Console, verbose: true));
        return (report, console.Text);
    }

    [Test]
    public async Task SeededItems_AreNeverWritten_AndTheLifecycleAfterARefusedCreateIsSkippedNamingIt()
    {
        // Three items exist before the run; the spec's example create carries code 1001, which item 1 holds, so every create is refused.
        var seeded = new Dictionary<long, byte[]>
        {
            [1] = "{\"id\":1,\"code\":1001,\"name\":\"Widget\",\"price\":10}"u8.ToArray(),
            [2] = "{\"id\":2,\"code\":1002,\"name\":\"Gadget\",\"price\":12.5}"u8.ToArray(),
            [3] = "{\"id\":3,\"code\":1003,\"name\":\"Sprocket\",\"price\":0}"u8.ToArray(),
        };
        var store = new ConcurrentDictionary<long, byte[]>(seeded.ToDictionary(p => p.Key, p => p.Value.ToArray()));
        var log = new ConcurrentQueue<(string Method, string Path)>();
        await using var api = await TestApi.StartAsync(app =>
        {
            app.Use(async (ctx, next) =>
            {
                log.Enqueue((ctx.Request.Method, ctx.Request.Path.Value!));
                await next(ctx);
            });
            app.MapGet("/items", () => Results.Text("[" + string.Join(",", store.OrderBy(p => p.Key).Select(p => Encoding.UTF8.GetString(p.Value))) + "]", "application/json"));
            app.MapPost("/items", async (HttpContext ctx) =>
            {
                if (ctx.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
                {
                    return Results.StatusCode(415);
                }

                var (body, status) = await ReadItemAsync(ctx.Request, partial: false);
                if (body is null)
                {
                    return Results.StatusCode(status);
                }

                if (store.Values.Any(v => JsonNode.Parse(v)!["code"]!.GetValue<long>() == body["code"]!.GetValue<long>()))
                {
                    return Results.Json(new { error = "an item with this code exists" }, statusCode: 409);
                }

                var id = store.Keys.Max() + 1;
                body["id"] = id;
                store[id] = Encoding.UTF8.GetBytes(body.ToJsonString());
                return Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8, 201);
            });
            app.MapGet("/items/{id:long}", (long id) => store.TryGetValue(id, out var item) ? Results.Bytes(item, "application/json") : Results.NotFound());
            app.MapMethods("/items/{id:long}", ["PUT", "PATCH"], async (long id, HttpContext ctx) =>
            {
                if (!store.TryGetValue(id, out var item))
                {
                    return Results.NotFound();
                }

                var (body, status) = await ReadItemAsync(ctx.Request, partial: ctx.Request.Method == "PATCH");
                if (body is null)
                {
                    return Results.StatusCode(status);
                }

                var updated = JsonNode.Parse(item)!.AsObject();
                foreach (var (name, value) in body)
                {
                    updated[name] = value?.DeepClone();
                }

                store[id] = Encoding.UTF8.GetBytes(updated.ToJsonString());
                return Results.Bytes(store[id], "application/json");
            });
            app.MapDelete("/items/{id:long}", (long id) => store.TryRemove(id, out _) ? Results.NoContent() : Results.NotFound());
        });

        var (report, console) = await RunAsync(CatalogueSpec, api.BaseUrl);

        foreach (var (id, bytes) in seeded)
        {
            using var http = new HttpClient();
            var read = await http.GetByteArrayAsync(new Uri(api.BaseUrl, $"/items/{id}"));
            Assert.That(Encoding.UTF8.GetString(read), Is.EqualTo(Encoding.UTF8.GetString(bytes)), $"seeded item {id} read back after the run");
        }

        var writes = log.Where(r => r.Method != "GET" && Regex.Match(r.Path, @"^/items/(\d+)$") is { Success: true } m && seeded.ContainsKey(long.Parse(m.Groups[1].Value))).ToList();
        Assert.That(writes.Select(w => $"{w.Method} {w.Path}"), Is.Empty, "no request but GET went to a seeded item");
        Assert.That(log.Count(r => r.Method is "PUT" or "PATCH" or "DELETE" && r.Path.StartsWith("/items/", StringComparison.Ordinal)), Is.GreaterThan(0), "the run did send writes to items (to ids that cannot exist), so the check above had something to see");
        Assert.That(log.Count(r => r.Method == "POST" && r.Path == "/items"), Is.GreaterThan(0), "the creates were sent and refused");
        Assert.That(store.Keys.Order(), Is.EqualTo(seeded.Keys.Order()), "nothing was created, nothing deleted");

        // The lifecycle went no further than its refused create, and says so: skipped, naming that create and its answer.
        var lifecycle = report.Cases.Where(c => c.Probe == "lifecycle").ToList();
        Assert.That(lifecycle, Is.Not.Empty, "a lifecycle was planned for /items");
        Assert.That(lifecycle.Where(c => c.Outcome is Outcome.Failed or Outcome.Error).Select(c => c.Name), Is.Empty);
        var skip = lifecycle.Single(c => c.Check == Judge.ProbeCheck);
        Assert.That(skip.Outcome, Is.EqualTo(Outcome.Skipped));
        Assert.That(skip.Results.Select(r => r.Finding.Message), Has.Some.Contains("createItem").And.Contains("409"));
        var line = console.Split('\n').Single(l => Regex.IsMatch(l, @"^  \S+ lifecycle "));
        Assert.That(line, Does.StartWith("  skip lifecycle ").And.Contain("createItem").And.Contain("409"), console);
    }

    [Test]
    public async Task CreateAnswering200WithTheIdInName_IsDeletedAtTheEnd()
    {
        // POST /sessions answers 200 (as documented) with the server's name for the session; an unknown property is wrongly accepted too.
        var store = new ConcurrentDictionary<string, string>();
        var made = 0;
        await using var api = await TestApi.StartAsync(app =>
        {
            app.MapPost("/sessions", async (HttpContext ctx) =>
            {
                if (ctx.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
                {
                    return Results.StatusCode(415);
                }

                JsonObject? body;
                try
                {
                    body = JsonNode.Parse(await new StreamReader(ctx.Request.Body).ReadToEndAsync()) as JsonObject;
                }
                catch (System.Text.Json.JsonException)
                {
                    return Results.StatusCode(400);
                }

                if (body?["kind"] is not JsonValue kind || !kind.TryGetValue(out string? k) || k is not ("shell" or "repl"))
                {
                    return Results.StatusCode(422);
                }

                var name = "sess-" + Interlocked.Increment(ref made);
                store[name] = k;
                return Results.Text($"{{\"name\":\"{name}\",\"kind\":\"{k}\"}}", "application/json");
            });
            app.MapDelete("/sessions/{name}", (string name) => store.TryRemove(name, out _) ? Results.NoContent() : Results.NotFound());
        });

        var (report, console) = await RunAsync(SessionsSpec, api.BaseUrl);

        Assert.That(made, Is.GreaterThanOrEqualTo(2), "the happy path and the wrongly accepted unknown property each made a session");
        Assert.That(store.Keys, Is.Empty, "every session the run opened was closed");
        Assert.That(console, Does.Contain($"Clean-up: created {made}, deleted {made}\n"));
        Assert.That(report.Cleanup.Where(c => c.Attempted).Select(c => c.Exchange!.Request.Url.AbsolutePath), Is.Not.Empty.And.All.Match(@"^/sessions/sess-\d+$"), "the end's clean-up deleted what no probe did, by the name the server gave");
    }

    [Test]
    public async Task MaxRequests_IsACeilingAlsoForRequestsSentAgainAfterA429()
    {
        // A target whose rate limit never lifts: every request waited out and sent again is a request too.
        await using var api = await TestApi.StartAsync(app => app.Run(ctx =>
        {
            ctx.Response.StatusCode = 429;
            ctx.Response.Headers.RetryAfter = "0";
            return Task.CompletedTask;
        }));
        var settings = new RunSettings
        {
            Spec = "openapi.yaml",
            SpecText = SessionsSpec,
            Rules = "contractcheck.yaml",
            RulesText = "# built-in tables only\n",
            BaseUrl = api.BaseUrl,
            Plan = PlanOptions.Default with { Seed = 11 },
            Executor = new Core.Execution.ExecutorOptions(api.BaseUrl) { MaxRequests = 6 },
        };

        var report = await ContractRun.Prepare(settings).ExecuteAsync(new CompositeReporter());

        Assert.That(api.Requests, Is.EqualTo(6), "--max-requests 6");
        Assert.That(report.RequestsSent, Is.EqualTo(api.Requests), "the report counts every request the target received");
        Assert.That(report.Outcomes.Count(o => o.NotRunReason == "--max-requests (6) reached"), Is.GreaterThan(0));
        var limited = report.Results.Where(r => r.Finding.Check == "expected-status" && r.Exchange?.Response?.Status == 429).ToList();
        Assert.That(limited, Is.Not.Empty);
        Assert.That(limited.Select(r => r.Finding.Outcome), Has.All.EqualTo(Outcome.Skipped), "a 429 is the target's rate limit at work, also when the ceiling left no request to send it again");
        Assert.That(limited.Select(r => r.Finding.Message), Has.Some.Contains("--max-requests"));
    }

    // A JSON object that has the item's members (every member for a create or PUT), or the status that refuses it.
    private static async Task<(JsonObject? Body, int Status)> ReadItemAsync(HttpRequest request, bool partial)
    {
        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return (null, 415);
        }

        JsonObject? body;
        try
        {
            body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync()) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return (null, 400);
        }

        var known = new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["code"] = v => v is JsonValue n && n.TryGetValue(out long code) && code >= 1,
            ["name"] = v => v is JsonValue s && s.TryGetValue(out string? name) && name.Length > 0,
            ["price"] = v => v is JsonValue n && n.TryGetValue(out double price) && price >= 0,
        };
        if (body is null || body.Any(p => !known.TryGetValue(p.Key, out var valid) || !valid(p.Value))
            || (!partial && known.Keys.Any(k => !body.ContainsKey(k))))
        {
            return (null, 422);
        }

        return (body, 0);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task ReadOnly_SendsOnlyGetHeadAndOptions_ListsTheRestAsSkipped(bool bursts)
    {
        var methods = new ConcurrentQueue<string>();
        await using var api = await TestApi.StartTodoAsync(before: app => app.Use(async (ctx, next) =>
        {
            methods.Enqueue(ctx.Request.Method == "POST" && ctx.Request.Path == "/login" ? "login" : ctx.Request.Method);
            await next(ctx);
        }));
        var rules = TodoApi.TodoApiFiles.Rules; // its rateLimit entry bursts GET /todos
        var settings = new RunSettings
        {
            Spec = "openapi.yaml",
            SpecText = TodoApi.TodoApiFiles.OpenApi,
            Rules = "contractcheck.yaml",
            RulesText = rules,
            BaseUrl = api.BaseUrl,
            Plan = PlanOptions.Default with { Seed = 3, ReadOnly = true, Bursts = bursts },
            Environment = n => n == "TODO_API_TOKEN" ? TodoApi.TodoApiOptions.DefaultToken : null,
        };

        var report = await ContractRun.Prepare(settings).ExecuteAsync(new CompositeReporter());

        Assert.That(methods, Is.Not.Empty);
        // The rules' login (the other identity's token) changes no data: it is the one POST --read-only sends.
        Assert.That(methods.Distinct(), Is.SubsetOf(new[] { "GET", "HEAD", "OPTIONS", "login" }));
        Assert.That(report.Created, Is.Zero);
        var skipped = report.Cases.Where(c => c.Outcome == Outcome.Skipped).Select(c => c.Results[0].Finding.Message).ToList();
        Assert.That(skipped, Has.Some.StartsWith("--read-only: only GET, HEAD and OPTIONS are sent"));
        Assert.That(skipped.Any(m => m.Contains("bursts are sent only with --bursts")), Is.EqualTo(!bursts));
        Assert.That(report.Outcomes.Any(o => o.Probe.Burst is not null && o.Exchanges.Count > 0), Is.EqualTo(bursts));
    }
}
