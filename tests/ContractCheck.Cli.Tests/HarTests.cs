using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Cli.Tests;

/// <summary>--har: the run's exchanges as HAR 1.2, one entry for each request the server received, secrets masked.</summary>
public class HarTests
{
    private const string Secret = "har-T0ken-77c1e9";

    private const string Spec = """
        openapi: 3.0.3
        info: {title: Things, version: '1'}
        security: [{bearer: []}]
        paths:
          /things:
            get:
              operationId: listThings
              responses:
                '200': {description: the things, content: {application/json: {schema: {type: array}}}}
                '401': {description: no credentials}
            post:
              operationId: createThing
              requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/NewThing'}}}}
              responses:
                '201': {description: created, headers: {Location: {schema: {type: string}}}, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
                '400': {description: not JSON}
                '401': {description: no credentials}
                '415': {description: not JSON}
                '422': {description: breaks the schema}
          /things/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer}}
            get:
              operationId: getThing
              responses:
                '200': {description: the thing, headers: {ETag: {schema: {type: string}}}, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
                '401': {description: no credentials}
                '404': {description: no such thing}
            put:
              operationId: replaceThing
              parameters:
                - {name: If-Match, in: header, required: true, schema: {type: string}}
              requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/NewThing'}}}}
              responses:
                '200': {description: replaced, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
                '401': {description: no credentials}
                '404': {description: no such thing}
                '412': {description: changed since it was read}
                '422': {description: breaks the schema}
                '428': {description: If-Match missing}
            delete:
              operationId: deleteThing
              responses:
                '204': {description: deleted}
                '401': {description: no credentials}
                '404': {description: no such thing}
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
          schemas:
            NewThing:
              type: object
              required: [name]
              additionalProperties: false
              properties:
                name: {type: string, minLength: 1}
            Thing:
              type: object
              required: [id, name]
              properties:
                id: {type: integer}
                name: {type: string}
        """;

    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("cc-har-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, true);

    [TestCase(false, false, TestName = "Har_HoldsOneEntryPerRequestSent_AsHar12_WithoutTheSecret")]
    [TestCase(true, false, TestName = "Har_TargetRateLimitingSomeRequests_HoldsTheAnswered429sToo")]
    [TestCase(false, true, TestName = "Har_LocationOnAnotherOrigin_HoldsNoEntryForTheReadNotSent")]
    public async Task Har_HoldsOneEntryPerRequestSent(bool rateLimited, bool locationElsewhere)
    {
        var received = new ConcurrentQueue<string>();
        var things = new ConcurrentDictionary<int, string>();
        var next = 0;
        await using var api = await TestApi.StartAsync(app =>
        {
            app.Use(async (ctx, nextStep) =>
            {
                received.Enqueue($"{ctx.Request.Method} {ctx.Request.Path}{ctx.Request.QueryString}");
                if (rateLimited && received.Count % 10 == 0)
                {
                    // The target's own rate limit, now and then: ContractCheck waits the Retry-After out and sends again.
                    ctx.Response.StatusCode = 429;
                    ctx.Response.Headers.RetryAfter = "0";
                    return;
                }

                if (ctx.Request.Headers.Authorization != "Bearer " + Secret)
                {
                    ctx.Response.StatusCode = 401;
                    ctx.Response.Headers.WWWAuthenticate = "Bearer";
                    return;
                }

                await nextStep(ctx);
            });
            app.MapGet("/things", () => Results.Json(things.Select(t => new { id = t.Key, name = t.Value })));
            app.MapPost("/things", async (HttpContext ctx) =>
            {
                var (name, status) = await NameAsync(ctx.Request);
                if (name is null)
                {
                    return Results.StatusCode(status);
                }

                var id = Interlocked.Increment(ref next);
                things[id] = name;
                return Results.Created(locationElsewhere ? $"http://things.example/things/{id}" : $"/things/{id}", new { id, name });
            });
            app.MapGet("/things/{id:int}", (int id, HttpContext ctx) =>
            {
                if (!things.TryGetValue(id, out var name))
                {
                    return Results.NotFound();
                }

                ctx.Response.Headers.ETag = ETag(name);
                return Results.Json(new { id, name });
            });
            app.MapPut("/things/{id:int}", async (int id, HttpContext ctx) =>
            {
                if (!things.TryGetValue(id, out var old))
                {
                    return Results.NotFound();
                }

                if (ctx.Request.Headers.IfMatch.Count == 0)
                {
                    return Results.StatusCode(428);
                }

                if (ctx.Request.Headers.IfMatch != ETag(old))
                {
                    return Results.StatusCode(412);
                }

                var (name, status) = await NameAsync(ctx.Request);
                if (name is null)
                {
                    return Results.StatusCode(status);
                }

                things[id] = name;
                return Results.Json(new { id, name });
            });
            app.MapDelete("/things/{id:int}", (int id) => things.TryRemove(id, out _) ? Results.NoContent() : Results.NotFound());
        });
        File.WriteAllText(Path.Combine(_dir, "openapi.yaml"), Spec);
        File.WriteAllText(Path.Combine(_dir, "rules.yaml"), $"auth:\n  bearer: {Secret}\n");
        var har = Path.Combine(_dir, "run.har");

        var (exit, stdout, stderr) = await CliRunner.RunAsync("run", "--spec", Path.Combine(_dir, "openapi.yaml"), "--rules", Path.Combine(_dir, "rules.yaml"),
            "--base-url", api.BaseUrl.ToString(), "--har", har, "--seed", "5");

        Assert.That(exit, Is.AnyOf(0, 1), stdout + stderr);
        var text = File.ReadAllText(har);
        Assert.That(text, Does.Not.Contain(Secret));
        var log = JsonNode.Parse(text)!["log"]!;
        Assert.That((string?)log["version"], Is.EqualTo("1.2"));
        Assert.That((string?)log["creator"]!["name"], Is.EqualTo("ContractCheck"));
        Assert.That(log["creator"]!["version"]!.GetValueKind(), Is.EqualTo(JsonValueKind.String), "creator.version is a required string");
        var entries = log["entries"]!.AsArray();
        foreach (var entry in entries)
        {
            RequireHar12Entry(entry!);
        }

        // One entry per request: as many as the summary counts and as the server received, the same requests.
        var summary = Regex.Match(stdout, @"\((\d+) requests in [\d.]+ s, seed 5\)");
        Assert.That(summary.Success, Is.True, stdout);
        var sent = int.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.That(entries, Has.Count.EqualTo(sent), "entries against the summary's count");
        Assert.That(received, Has.Count.EqualTo(sent), "the summary's count against what the server received");
        var logged = entries.Select(e => $"{(string?)e!["request"]!["method"]} {new Uri((string)e["request"]!["url"]!).PathAndQuery}").Order().ToList();
        Assert.That(logged, Is.EqualTo(received.Order().ToList()));
        Assert.That(logged, Has.Some.StartsWith("PUT /things/").And.Some.StartsWith("DELETE /things/"), "the lifecycle's writes (each PUT after the GET that reads its ETag) are in it");
        if (locationElsewhere)
        {
            Assert.That(stdout, Does.Contain("the Location http://things.example/things/"), "the read of the Location was reported, not sent");
        }

        Assert.That(things, Is.Empty);
    }

    // The members HAR 1.2 requires of an entry, with their types (http://www.softwareishard.com/blog/har-12-spec/).
    private static void RequireHar12Entry(JsonNode entry)
    {
        var where = $"entry {(string?)entry["request"]?["method"]} {(string?)entry["request"]?["url"]}";
        Assert.That(DateTimeOffset.TryParse((string?)entry["startedDateTime"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _), Is.True, where + ": startedDateTime");
        Assert.That(entry["time"]!.GetValueKind(), Is.EqualTo(JsonValueKind.Number), where);
        var request = entry["request"]!;
        foreach (var name in new[] { "method", "url", "httpVersion" })
        {
            Assert.That(request[name]?.GetValueKind(), Is.EqualTo(JsonValueKind.String), $"{where}: request.{name}");
        }

        foreach (var name in new[] { "cookies", "headers", "queryString" })
        {
            Assert.That(request[name]?.GetValueKind(), Is.EqualTo(JsonValueKind.Array), $"{where}: request.{name}");
        }

        if (request["postData"] is { } post)
        {
            Assert.That(post["mimeType"]?.GetValueKind(), Is.EqualTo(JsonValueKind.String), $"{where}: postData.mimeType");
            Assert.That(post["text"]?.GetValueKind(), Is.EqualTo(JsonValueKind.String), $"{where}: postData.text");
        }

        var response = entry["response"]!;
        Assert.That(response["status"]?.GetValueKind(), Is.EqualTo(JsonValueKind.Number), $"{where}: response.status");
        foreach (var name in new[] { "statusText", "httpVersion", "redirectURL" })
        {
            Assert.That(response[name]?.GetValueKind(), Is.EqualTo(JsonValueKind.String), $"{where}: response.{name}");
        }

        Assert.That(response["content"]?["size"]?.GetValueKind(), Is.EqualTo(JsonValueKind.Number), $"{where}: content.size");
        Assert.That(response["content"]?["mimeType"]?.GetValueKind(), Is.EqualTo(JsonValueKind.String), $"{where}: content.mimeType");
        foreach (var part in new[] { request, response })
        {
            Assert.That(part["headersSize"]?.GetValueKind(), Is.EqualTo(JsonValueKind.Number), where);
            Assert.That(part["bodySize"]?.GetValueKind(), Is.EqualTo(JsonValueKind.Number), where);
        }

        Assert.That(entry["cache"]?.GetValueKind(), Is.EqualTo(JsonValueKind.Object), where);
        foreach (var name in new[] { "send", "wait", "receive" })
        {
            Assert.That(entry["timings"]?[name]?.GetValueKind(), Is.EqualTo(JsonValueKind.Number), $"{where}: timings.{name}");
        }
    }

    private static string ETag(string name) => $"\"{(uint)name.GetHashCode():x8}\"";

    private static async Task<(string? Name, int Status)> NameAsync(HttpRequest request)
    {
        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return (null, 415);
        }

        try
        {
            return JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync()) is JsonObject { Count: 1 } body && body["name"] is JsonValue v && v.TryGetValue(out string? name) && name.Length > 0
                ? (name, 0)
                : (null, 422);
        }
        catch (JsonException)
        {
            return (null, 400);
        }
    }
}
