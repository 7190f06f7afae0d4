using System.Collections.Concurrent;
using System.Text;
using ContractCheck.Core.Checks;
using ExecutionCleanup = ContractCheck.Core.Execution.CleanupResult;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Core.Tests.Probes;

/// <summary>
/// The request probes (HEAD, OPTIONS, Accept, conditional requests, idempotency keys, pagination) against one Kestrel
/// server with one planted mistake per path, run once; the Todo API keeps every row (ProbeRunTests), each mistake here
/// fails the probe that looks for it — and where the RFC allows what a server does, nothing fails.
/// </summary>
public class RequestProbeTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Mistakes, version: '1'}
        components:
          responses:
            Thing: {description: a thing, content: {application/json: {schema: {type: object}}}}
            Things: {description: things, content: {application/json: {schema: {type: array, items: {type: object}}}}}
            Gone: {description: no such thing}
        paths:
          /no-head: {get: {operationId: noHead, responses: {'200': {$ref: '#/components/responses/Thing'}}}}
          /head-differs: {get: {operationId: headDiffers, responses: {'200': {$ref: '#/components/responses/Thing'}}}}
          /blanket-allow: {get: {operationId: blanketAllow, responses: {'200': {$ref: '#/components/responses/Thing'}}}}
          /no-allow: {get: {operationId: noAllow, responses: {'200': {$ref: '#/components/responses/Thing'}}}}
          /accept-500: {get: {operationId: accept500, responses: {'200': {$ref: '#/components/responses/Thing'}}}}
          /accept-html: {get: {operationId: acceptHtml, responses: {'200': {$ref: '#/components/responses/Thing'}}}}
          /ignores-accept: {get: {operationId: ignoresAccept, responses: {'200': {$ref: '#/components/responses/Thing'}}}}
          /no-304: {get: {operationId: no304, responses: {'200': {$ref: '#/components/responses/Thing'}}}}
          /bare-304: {get: {operationId: bare304, responses: {'200': {$ref: '#/components/responses/Thing'}}}}
          /dynamic: {get: {operationId: dynamic, responses: {'200': {$ref: '#/components/responses/Thing'}}}}
          /notes:
            post:
              operationId: createNote
              requestBody: {content: {application/json: {schema: {type: object, required: [text], properties: {text: {type: string}}}}}}
              responses: {'201': {$ref: '#/components/responses/Thing'}}
          /notes/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
            get: {operationId: getNote, responses: {'200': {$ref: '#/components/responses/Thing'}, '404': {$ref: '#/components/responses/Gone'}}}
            put:
              operationId: updateNote
              requestBody: {content: {application/json: {schema: {type: object, required: [text], properties: {text: {type: string}}}}}}
              responses: {'200': {$ref: '#/components/responses/Thing'}, '412': {description: stale}, '428': {description: no If-Match}}
            delete: {operationId: deleteNote, responses: {'204': {description: gone}, '412': {description: stale}}}
          /weak:
            post:
              operationId: createWeak
              requestBody: {content: {application/json: {schema: {type: object, required: [text], properties: {text: {type: string}}}}}}
              responses: {'201': {$ref: '#/components/responses/Thing'}}
          /weak/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
            get: {operationId: getWeak, responses: {'200': {$ref: '#/components/responses/Thing'}}}
            put:
              operationId: updateWeak
              requestBody: {content: {application/json: {schema: {type: object, required: [text], properties: {text: {type: string}}}}}}
              responses: {'200': {$ref: '#/components/responses/Thing'}}
            delete: {operationId: deleteWeak, responses: {'204': {description: gone}}}
          /orders:
            post:
              operationId: createOrder
              parameters: [{name: Idempotency-Key, in: header, required: true, schema: {type: string}}]
              requestBody: {content: {application/json: {schema: {type: object, required: [sku], properties: {sku: {type: string}}}}}}
              responses: {'201': {$ref: '#/components/responses/Thing'}, '400': {description: no key}, '422': {description: key reused}}
          /orders/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
            delete: {operationId: deleteOrder, responses: {'204': {description: gone}}}
          /away: {get: {operationId: away, responses: {'200': {$ref: '#/components/responses/Things'}}}}
          /broken:
            get:
              operationId: broken
              parameters: [{name: limit, in: query, schema: {type: integer, minimum: 1}}]
              responses: {'200': {$ref: '#/components/responses/Things'}}
        """;

    private static readonly Lazy<Task<RunReport>> Run = new(() => RunAsync("# built-in tables only\n"));

    private static async Task<RunReport> RunAsync(string rules, string[]? include = null)
    {
        await using var api = await TestApi.StartAsync(Map);
        return await Pipeline.RunAsync(Spec, rules, api.BaseUrl, include);
    }

    private static IResult Json(string json, int status = 200, string type = "application/json") => Results.Text(json, type, Encoding.UTF8, status);

    private static bool WantsXml(HttpContext c) => c.Request.Headers.Accept.ToString().Contains("xml", StringComparison.Ordinal);

    private static void Map(WebApplication app)
    {
        // HEAD: not answered at all (MapGet is GET only); answered without the GET's headers.
        app.MapGet("/no-head", () => Json("{}"));
        app.MapMethods("/head-differs", ["GET", "HEAD"], (HttpContext c) =>
        {
            if (c.Request.Method == "HEAD")
            {
                return Json("", type: "text/plain");
            }

            c.Response.Headers.CacheControl = "max-age=60";
            return Json("{}");
        });

        // OPTIONS: an Allow that names methods the path does not have; a 204 that says nothing.
        app.MapGet("/blanket-allow", () => Json("{}"));
        app.MapMethods("/blanket-allow", ["OPTIONS"], (HttpContext c) =>
        {
            c.Response.Headers.Allow = "GET, PUT, DELETE";
            return Results.Ok();
        });
        app.MapGet("/no-allow", () => Json("{}"));
        app.MapMethods("/no-allow", ["OPTIONS"], () => Results.NoContent());

        // Accept: a crash; an undeclared type; JSON whatever is asked (which RFC 9110 §12.5.1 allows).
        app.MapGet("/accept-500", (HttpContext c) => WantsXml(c) ? Json("{\"message\":\"no serializer\"}", 500) : Json("{}"));
        app.MapGet("/accept-html", (HttpContext c) => WantsXml(c) ? Json("<p>hi</p>", type: "text/html") : Json("{}"));
        app.MapGet("/ignores-accept", () => Json("{}"));

        // Conditional GET: If-None-Match ignored; a 304 without the ETag; a representation that changes on each read.
        app.MapGet("/no-304", (HttpContext c) =>
        {
            c.Response.Headers.ETag = "\"v1\"";
            return Json("{}");
        });
        app.MapGet("/bare-304", (HttpContext c) =>
        {
            if (c.Request.Headers.IfNoneMatch.Count > 0)
            {
                return Results.StatusCode(304);
            }

            c.Response.Headers.ETag = "\"v1\"";
            return Json("{}");
        });
        var reads = 0;
        app.MapGet("/dynamic", (HttpContext c) =>
        {
            c.Response.Headers.ETag = $"\"r{Interlocked.Increment(ref reads)}\"";
            return Json("{}");
        });

        // Notes: strong ETags; a 304 for any If-None-Match (even after a change); a PUT without If-Match accepted (no
        // 428), a stale one refused with 412 but applied anyway; a DELETE that ignores If-Match.
        var notes = new ConcurrentDictionary<int, (string Text, int Version)>();
        var next = 0;
        app.MapPost("/notes", () =>
        {
            var id = Interlocked.Increment(ref next);
            notes[id] = ("new", 1);
            return Results.Text($"{{\"id\":{id}}}", "application/json", Encoding.UTF8, 201);
        });
        app.MapMethods("/notes/{id:int}", ["GET"], (int id, HttpContext c) =>
        {
            if (!notes.TryGetValue(id, out var note))
            {
                return Results.NotFound();
            }

            c.Response.Headers.ETag = $"\"{id}-{note.Version}\"";
            return c.Request.Headers.IfNoneMatch.Count > 0 ? Results.StatusCode(304) : Json($"{{\"id\":{id},\"text\":\"{note.Text}\"}}");
        });
        app.MapPut("/notes/{id:int}", (int id, HttpContext c) =>
        {
            var note = notes[id];
            notes[id] = ($"changed {note.Version}", note.Version + 1);
            return c.Request.Headers.IfMatch.Count > 0 && c.Request.Headers.IfMatch.ToString() != $"\"{id}-{note.Version}\"" ? Json("{}", 412) : Json("{}");
        });
        app.MapDelete("/notes/{id:int}", (int id) => notes.TryRemove(id, out _) ? Results.NoContent() : Results.NotFound());

        // Weak ETags only (as Express makes them), If-Match never looked at, and the spec declares no precondition: the
        // conditional writes do not apply.
        var weak = new ConcurrentDictionary<int, string>();
        app.MapPost("/weak", () =>
        {
            var id = Interlocked.Increment(ref next);
            weak[id] = "new";
            return Results.Text($"{{\"id\":{id}}}", "application/json", Encoding.UTF8, 201);
        });
        app.MapGet("/weak/{id:int}", (int id, HttpContext c) =>
        {
            var tag = $"W/\"{id}-{weak.GetValueOrDefault(id)?.Length}\"";
            c.Response.Headers.ETag = tag;
            return c.Request.Headers.IfNoneMatch.ToString() == tag ? Results.StatusCode(304) : weak.ContainsKey(id) ? Json("{}") : Results.NotFound();
        });
        app.MapPut("/weak/{id:int}", (int id) =>
        {
            weak[id] = "changed";
            return Json("{}");
        });
        app.MapDelete("/weak/{id:int}", (int id) => weak.TryRemove(id, out _) ? Results.NoContent() : Results.NotFound());

        // Orders: the Idempotency-Key is never read.
        app.MapPost("/orders", (HttpContext c) =>
        {
            var id = Interlocked.Increment(ref next);
            c.Response.Headers.Location = $"/orders/{id}";
            return Results.Text($"{{\"id\":{id}}}", "application/json", Encoding.UTF8, 201);
        });
        app.MapDelete("/orders/{id:int}", () => Results.NoContent());

        // Pages: a next link on another origin; a next link on the origin that leads nowhere.
        app.MapGet("/away", (HttpContext c) =>
        {
            c.Response.Headers.Link = "<http://api.elsewhere.example/away?page=2>; rel=\"next\"";
            return Json("[{}]");
        });
        app.MapGet("/broken", (HttpContext c) =>
        {
            if (c.Request.Query.ContainsKey("page"))
            {
                return Results.NotFound();
            }

            c.Response.Headers.Link = "</broken?page=2>; rel=\"next\"";
            return Json("[{}]");
        });
    }

    private static async Task<List<string>> Failed(string probe, string operation, string? check = null) =>
        (await Run.Value).Cases
            .Where(c => c.Probe == probe && c.Operation.Key == operation && (check is null || c.Check == check) && c.Outcome is Outcome.Failed)
            .SelectMany(c => c.Problems).Select(p => p.Finding.Message).ToList();

    private static async Task<string> Skipped(string probe, string operation) =>
        (await Run.Value).Cases.Single(c => c.Probe == probe && c.Operation.Key == operation && c.Check == Judge.ProbeCheck && c.Outcome == Outcome.Skipped).Results[0].Finding.Message;

    [Test]
    public void DesignReview_AHeaderTakenWithoutItsRefusalDocumented_IsAWarning()
    {
        var spec = Spec.Replace("'412': {description: stale}, '428': {description: no If-Match}", "'428': {description: no If-Match}", StringComparison.Ordinal)
            .Replace("responses: {'201': {$ref: '#/components/responses/Thing'}, '400': {description: no key}, '422': {description: key reused}}", "responses: {'201': {$ref: '#/components/responses/Thing'}}", StringComparison.Ordinal)
            .Replace("      operationId: updateNote\n", "      operationId: updateNote\n      parameters: [{name: If-Match, in: header, required: true, schema: {type: string}}]\n", StringComparison.Ordinal);
        var plan = ContractRun.Prepare(new RunSettings { Spec = "s.yaml", SpecText = spec, Rules = "r.yaml", RulesText = "# built-in tables only\n", BaseUrl = new Uri("http://127.0.0.1:1/") }).Plan;

        Assert.That(plan.DesignWarnings.Select(w => $"{w.Place}: {w.Message}"), Is.SupersetOf(new[]
        {
            "PUT /notes/{id} (updateNote): takes If-Match but documents no 412 Precondition Failed for a stale one",
            "POST /orders (createOrder): takes an Idempotency-Key but documents no 422 for a key reused with another body",
        }));
    }

    [Test]
    public async Task HeadMatchesGet_405ToHead_Fails()
    {
        Assert.That(await Failed("head-matches-get", "GET /no-head", "expected-status"), Has.Some.StartsWith("head-matches-get on GET /no-head: expected 200, got 405"));
    }

    [Test]
    public async Task HeadMatchesGet_HeadWithoutTheGetsHeaders_Fails()
    {
        Assert.That(await Failed("head-matches-get", "GET /head-differs", "head-like-get"), Is.EquivalentTo(new[]
        {
            "GET /head-differs: HEAD says Content-Type: text/plain; charset=utf-8, GET said application/json; charset=utf-8",
            "GET /head-differs: HEAD leaves out Cache-Control (Cache-Control: max-age=60 with GET)",
        }));
    }

    [Test]
    public async Task OptionsAllow_AllowNamingUndeclaredMethods_Fails()
    {
        Assert.That(await Failed("options-allow", "OPTIONS /blanket-allow", "allow-header"), Is.EqualTo(new[] { "Allow: GET, PUT, DELETE lists undeclared DELETE, PUT" }));
    }

    [Test]
    public async Task OptionsAllow_SuccessWithoutAllow_Fails_A405ToOptionsIsNotJudged()
    {
        Assert.That(await Failed("options-allow", "OPTIONS /no-allow", "required-headers"), Has.Some.StartsWith("204: header Allow is missing"));
        Assert.That(await Skipped("options-allow", "OPTIONS /no-head"), Does.StartWith("OPTIONS answered 405: only a successful OPTIONS"));
    }

    [Test]
    public async Task UnacceptableAccept_500OrAnUndeclaredType_Fails()
    {
        Assert.That(await Failed("unacceptable-accept", "GET /accept-500", "expected-status"), Has.Some.StartsWith("unacceptable-accept on GET /accept-500: expected 406 or 2xx, got 500"));
        Assert.That(await Failed("unacceptable-accept", "GET /accept-html", "content-type"), Has.Some.EqualTo("Content-Type text/html; charset=utf-8 is not declared for 200"));
    }

    [Test]
    public async Task UnacceptableAccept_JsonWhateverIsAsked_IsNotJudged_UnlessStrict()
    {
        Assert.That(await Skipped("unacceptable-accept", "GET /ignores-accept"), Does.StartWith("Accept disregarded: asked for application/xml, GET /ignores-accept answered 200 in application/json"));

        var strict = await RunAsync("probes: {unacceptable-accept: {strict: true}}\n", ["ignoresAccept"]);

        Assert.That(strict.Cases.Where(c => c.Probe == "unacceptable-accept" && c.Outcome == Outcome.Failed).SelectMany(c => c.Problems).Select(p => p.Finding.Message),
            Has.Some.StartsWith("unacceptable-accept on GET /ignores-accept: expected 406, got 200"));
    }

    [Test]
    public async Task ConditionalGet_IfNoneMatchIgnored_Fails_A304WithoutTheETag_Fails()
    {
        Assert.That(await Failed("conditional-get", "GET /no-304", "expected-status"), Has.Some.StartsWith("conditional-get (revalidate) on GET /no-304: expected 304, got 200"));
        Assert.That(await Failed("conditional-get", "GET /bare-304", "not-modified"), Has.Some.StartsWith("the 304 leaves out ETag, which the 200 sent"));
    }

    [Test]
    public async Task ConditionalGet_WithoutAValidatorOrOnAChangingResource_NothingFails()
    {
        Assert.That(await Skipped("conditional-get", "GET /ignores-accept"), Is.EqualTo("revalidate: not applicable: the reference answer carries no ETag or Last-Modified to make a request conditional on"));
        var dynamic = (await Run.Value).Cases.Where(c => c.Probe == "conditional-get" && c.Operation.Key == "GET /dynamic").ToList();
        Assert.That(dynamic.Where(c => c.Outcome == Outcome.Failed), Is.Empty);
        Assert.That(dynamic.Single(c => c.Check == Judge.ProbeCheck).Results[0].Finding.Message, Does.StartWith("/dynamic changed between the two GETs (ETag \"r"));
    }

    [Test]
    public async Task ConditionalGet_304ForAChangedItem_Fails()
    {
        Assert.That(await Failed("conditional-get (changed item)", "GET /notes/{id}", "expected-status"), Has.Some.StartsWith("conditional-get (changed item) (revalidate) on GET /notes/{id}: expected 200, got 304"));
        Assert.That(await Failed("conditional-get", "GET /notes/{id}"), Is.Empty, "a 304 to the item as it is is right");
    }

    [Test]
    public async Task ConditionalWrite_StaleIfMatchRefusedButApplied_NoIfMatchAccepted_Fail()
    {
        Assert.That(await Failed("conditional-write", "PUT /notes/{id}", "unchanged-when-refused"), Has.Some.StartsWith("PUT was refused with 412, yet the item reads back changed (ETag \""));
        Assert.That(await Failed("conditional-write", "PUT /notes/{id}", "expected-status"), Is.EqualTo(new[] { "conditional-write (no-if-match) on PUT /notes/{id}: expected 428, got 200 — a write whose If-Match is not the current ETag is refused with 412 and changes nothing (RFC 9110 13.1.1, 15.5.13); where the API requires If-Match, a write without it gets 428 (RFC 6585 3)" }));
        Assert.That(await Failed("conditional-write", "DELETE /notes/{id}", "expected-status"), Has.Some.StartsWith("conditional-write (stale-if-match) on DELETE /notes/{id}: expected 412, got 204"));
    }

    [Test]
    public async Task ConditionalWrite_OnlyWeakETagsAndASilentSpec_DoesNotApply_AndCleansUp()
    {
        Assert.That(await Skipped("conditional-write", "PUT /weak/{id}"), Does.StartWith("stale-if-match: not applicable: the reference answer carries only a weak ETag"));
        var report = await Run.Value;
        Assert.That(report.Cleanup.Where(c => !c.Deleted), Is.Empty);
        var own = report.Outcomes.Single(o => o.Probe.Kind == "conditional-write" && o.Probe.Operation.Key == "PUT /weak/{id}").Exchanges;
        Assert.That(own.Select(e => $"{e.Request.Method} {e.Response?.Status}"), Is.EqualTo(new[] { "POST 201", "GET 200", "DELETE 204" }), "it made its own item, read it, and deleted it: nothing was written to it");
    }

    [Test]
    public async Task IdempotencyKey_KeyIgnored_FailsEachStep()
    {
        Assert.That(await Failed("idempotency-key", "POST /orders", "idempotent-replay"), Has.Some.StartsWith("the same key and body again got Location /orders/"));
        Assert.That(await Failed("idempotency-key", "POST /orders", "expected-status"), Is.EquivalentTo(new[]
        {
            "idempotency-key (other-body) on POST /orders: expected 422, got 201 — a create repeated with its Idempotency-Key is answered as the first, the key reused with another body is refused with 422, a required key left out with 400 (draft-ietf-httpapi-idempotency-key-header 2)",
            "idempotency-key (no-key) on POST /orders: expected 400, got 201 — a create repeated with its Idempotency-Key is answered as the first, the key reused with another body is refused with 422, a required key left out with 400 (draft-ietf-httpapi-idempotency-key-header 2)",
        }));
        var orders = (await Run.Value).Cleanup.Where(c => c.Item.Key == "/orders/{}").ToList();
        Assert.That(orders, Has.Count.GreaterThanOrEqualTo(4).And.All.Matches<ExecutionCleanup>(c => c.Deleted), "the replay, the reused key and the missing key each made an order, and each is deleted");
    }

    [Test]
    public async Task PaginationLinks_NextOnAnotherOrigin_FailsAndIsNeverContacted()
    {
        Assert.That(await Failed("pagination-links", "GET /away", "links-on-origin"), Has.Exactly(1).Match("^the rel=\"next\" link http://api.elsewhere.example/away\\?page=2 is not on http://127.0.0.1:\\d+; not followed$"));
        var sent = (await Run.Value).Outcomes.SelectMany(o => o.Exchanges).SelectMany(e => e.OnTheWire).Select(e => e.Request.Url.Host);
        Assert.That(sent, Is.All.EqualTo("127.0.0.1"));
    }

    [Test]
    public async Task PaginationLinks_NextThatAnswers404_Fails_TheSmallestPageIsAskedFor()
    {
        Assert.That(await Failed("pagination-links", "GET /broken", "expected-status"), Has.Some.StartsWith("pagination-links (next) on GET /broken: expected 200, got 404"));
        var list = (await Run.Value).Outcomes.Single(o => o.Probe.Kind == "pagination-links" && o.Probe.Operation.Key == "GET /broken").Exchanges[0];
        Assert.That(list.Request.Url.Query, Is.EqualTo("?limit=1"));
    }
}
