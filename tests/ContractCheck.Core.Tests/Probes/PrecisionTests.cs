using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Core.Tests.Probes;

/// <summary>
/// The nine causes of false alarms the precision issue found on real APIs, one small conformant Kestrel server each:
/// every test fails on the tool as it was (a failure reported where the API is right), and where a cause could hide a
/// real breach, a second test shows the breach is still caught.
/// </summary>
public class PrecisionTests
{
    // Each server implements what its cause needs, not HEAD, OPTIONS or conditional requests: those probes are off.
    private static readonly string ErrorRules = """
        errors:
          schema: "#/components/schemas/Error"
          contentTypes: [application/json]

        """ + ProbesOff.Requests();

    private const string ErrorComponent = """
        components:
          schemas:
            Error: {type: object, required: [message], properties: {message: {type: string}}}
        """;

    private static IEnumerable<string> Failures(RunReport report) =>
        report.Cases.Where(c => c.Outcome is Outcome.Failed or Outcome.Error).Select(c => $"{c.Operation.Key} {c.Name}: {c.Results[0].Finding.Message}");

    private static IResult Error(int status, string message) => Results.Json(new { message }, statusCode: status);

    // Every other method of the path: 405 with Allow, a JSON error (as a conformant server answers wrong-method).
    private static void Only(WebApplication app, string path, params string[] allowed) =>
        app.MapMethods(path, new[] { "GET", "POST", "PUT", "PATCH", "DELETE", "TRACE" }.Except(allowed).ToArray(), (HttpContext c) =>
        {
            c.Response.Headers.Allow = string.Join(", ", allowed);
            return Error(405, "only " + string.Join(", ", allowed));
        });

    // --- 1. Content negotiation ------------------------------------------------------------------------------

    private const string NegotiatingSpec = """
        openapi: 3.0.3
        info: {title: Notes, version: '1'}
        paths:
          /notes:
            get:
              operationId: listNotes
              responses:
                '200': {description: notes, content: {application/json: {schema: {type: array, items: {type: object}}}}}
          /archive:
            get:
              operationId: readArchive
              description: the archive moved away for good
              responses:
                '410': {description: gone, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
        """ + "\n" + ErrorComponent;

    // Errors in JSON only when asked for; text/plain otherwise (RFC 9110 §12.5.1 lets a server pick when nothing is asked).
    private static async Task<(RunReport Report, ConcurrentQueue<string> Accepts)> RunNegotiatingAsync(bool plainAlways)
    {
        var accepts = new ConcurrentQueue<string>();
        await using var api = await TestApi.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                accepts.Enqueue($"{context.Request.Method} {context.Request.Path} Accept: {context.Request.Headers.Accept}");
                await next(context);
            });
            IResult Negotiated(HttpContext context, int status, string message) =>
                !plainAlways && context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal)
                    ? Error(status, message)
                    : Results.Text(message, "text/plain", statusCode: status);
            app.MapGet("/notes", () => Results.Json(Array.Empty<object>()));
            app.MapGet("/archive", (HttpContext c) => Negotiated(c, 410, "gone"));
            app.MapMethods("/notes", ["POST", "PUT", "PATCH", "DELETE", "TRACE"], (HttpContext c) =>
            {
                c.Response.Headers.Allow = "GET";
                return Negotiated(c, 405, "only GET");
            });
            app.MapMethods("/archive", ["POST", "PUT", "PATCH", "DELETE", "TRACE"], (HttpContext c) =>
            {
                c.Response.Headers.Allow = "GET";
                return Negotiated(c, 405, "only GET");
            });
        });
        var report = await Pipeline.RunAsync(NegotiatingSpec, ErrorRules, api.BaseUrl);
        return (report, accepts);
    }

    [Test]
    public async Task Cause1_ErrorsNegotiatedByAccept_EveryRequestAsksForJson_AndNoErrorShapeFails()
    {
        var (report, accepts) = await RunNegotiatingAsync(plainAlways: false);

        Assert.That(Failures(report), Is.Empty);
        Assert.That(accepts, Is.Not.Empty.And.All.Contains("application/json"), "wrong-method and the operation with no 2xx ask for JSON too");
        Assert.That(report.Cases.Where(c => c.Probe == "wrong-method" && c.Check == ErrorMatchesShape.CheckId).Select(c => c.Outcome), Has.Some.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task Cause1_AServerThatAnswersPlainTextAlthoughAskedForJson_StillFailsErrorShape()
    {
        var (report, _) = await RunNegotiatingAsync(plainAlways: true);

        var shapes = report.Cases.Where(c => c.Probe == "wrong-method" && c.Check == ErrorMatchesShape.CheckId).Select(c => c.Outcome).ToList();
        Assert.That(shapes, Is.Not.Empty);
        Assert.That(shapes, Has.All.EqualTo(Outcome.Failed));
    }

    // --- 2. Probes on ids that do not exist --------------------------------------------------------------------

    private const string ZonesSpec = """
        openapi: 3.0.3
        info: {title: Zones, version: '1'}
        paths:
          /zones:
            post:
              operationId: createZone
              requestBody:
                required: true
                content: {application/json: {schema: {type: object, required: [name], properties: {name: {type: string, example: example.org}}}}}
              responses:
                '201': {description: made, headers: {Location: {schema: {type: string}}}, content: {application/json: {schema: {type: object}}}}
                '422': {description: invalid, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
          /zones/{zoneName}:
            parameters: [{name: zoneName, in: path, required: true, schema: {type: string}}]
            get:
              operationId: getZone
              responses:
                '200': {description: the zone, content: {application/json: {schema: {type: object}}}}
                '404': {description: none, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
            delete:
              operationId: deleteZone
              responses:
                '204': {description: deleted}
                '404': {description: none, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
          /zones/{zoneName}/records:
            parameters: [{name: zoneName, in: path, required: true, schema: {type: string}}]
            post:
              operationId: createRecord
              requestBody:
                required: true
                content: {application/json: {schema: {type: object, required: [type], properties: {type: {type: string, example: A}}}}}
              responses:
                '201': {description: made, headers: {Location: {schema: {type: string}}}, content: {application/json: {schema: {type: object}}}}
                '404': {description: no zone, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
          /zones/{zoneName}/records/{recordId}:
            parameters:
              - {name: zoneName, in: path, required: true, schema: {type: string}}
              - {name: recordId, in: path, required: true, schema: {type: string}}
            get:
              operationId: getRecord
              responses:
                '200': {description: the record, content: {application/json: {schema: {type: object}}}}
                '404': {description: none, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
        """ + "\n" + ErrorComponent;

    [Test]
    public async Task Cause2_AParentCreateThatWasRefused_SkipsTheProbesUnderIt_NamingTheCreate_AndNo404OfAGuessedIdFails()
    {
        var writes = new ConcurrentQueue<string>();
        await using var api = await TestApi.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                if (context.Request.Method != "GET")
                {
                    writes.Enqueue($"{context.Request.Method} {context.Request.Path}");
                }

                await next(context);
            });
            // The server refuses the zone the spec's example names; every zone and record is then unknown: 404.
            app.MapPost("/zones", () => Error(422, "zone example.org is not delegated to this server"));
            Only(app, "/zones", "POST");
            app.MapFallback((HttpContext c) => Error(404, "no such zone"));
        });

        var report = await Pipeline.RunAsync(ZonesSpec, ErrorRules, api.BaseUrl);

        Assert.That(Failures(report).Where(f => f.Contains("404")), Is.Empty, "a 404 for an id the run made up is no failure in any check");
        var skipped = report.Cases.Where(c => c.Outcome == Outcome.Skipped && c.Operation.Path.StartsWith("/zones/{zoneName}", StringComparison.Ordinal)).ToList();
        Assert.That(skipped.Select(c => c.Results[0].Finding.Message), Has.Some.Contains("createZone").And.Some.Contains("422"));
        Assert.That(report.Cases.Single(c => c.Operation.OperationId == "getRecord" && c.Probe == "happy-path" && c.Check == Judge.ProbeCheck).Outcome, Is.EqualTo(Outcome.Skipped), "a child of a refused parent is skipped as a whole");
        // Only not-found writes under /zones/: on an id built so that it cannot exist.
        Assert.That(writes.Where(w => w.StartsWith("DELETE /zones/", StringComparison.Ordinal) || w.StartsWith("POST /zones/", StringComparison.Ordinal)),
            Has.All.StartsWith("DELETE /zones/contractcheck-missing-"), "nothing is written under a zone the run did not create");
        Assert.That(report.Skipped, Is.GreaterThan(0));
    }

    // --- 3. An operation that documents no 2xx -----------------------------------------------------------------

    private const string NotImplementedSpec = """
        openapi: 3.0.3
        info: {title: Export, version: '1'}
        paths:
          /export:
            get:
              operationId: exportAll
              description: not implemented in this edition
              responses:
                '501': {description: not implemented, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
        """ + "\n" + ErrorComponent;

    private static async Task<RunReport> RunExportAsync(int status)
    {
        await using var api = await TestApi.StartAsync(app =>
        {
            app.MapGet("/export", () => status == 200 ? Results.Json(new { all = true }) : Error(status, "not implemented"));
            Only(app, "/export", "GET");
        });
        return await Pipeline.RunAsync(NotImplementedSpec, ErrorRules, api.BaseUrl);
    }

    [Test]
    public async Task Cause3_AnOperationDocumentingOnly501_IsHeldTo501_WithADesignWarningNamingIt()
    {
        var report = await RunExportAsync(501);

        Assert.That(Failures(report), Is.Empty);
        Assert.That(report.Case(StatusIsExpected.CheckId).Outcome, Is.EqualTo(Outcome.Passed));
        Assert.That(report.Plan.DesignWarnings.Select(w => w.Place + ": " + w.Message), Has.Some.Contains("exportAll").And.Some.Contains("no success status"));
    }

    [Test]
    public async Task Cause3_ThatOperationAnswering200_FailsExpectedStatus()
    {
        var report = await RunExportAsync(200);

        Assert.That(report.Case(StatusIsExpected.CheckId).Outcome, Is.EqualTo(Outcome.Failed));
    }

    // --- 4 and 6. Fresh values; duplicate-create skipped when its first create is refused ----------------------

    private const string ItemsSpec = """
        openapi: 3.0.3
        info: {title: Items, version: '1'}
        paths:
          /items:
            post:
              operationId: createItem
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [sku, name]
                      properties:
                        sku: {type: string, pattern: '^[A-Za-z0-9-]+$', maxLength: 40}
                        name: {type: string, minLength: 1}
                      example: {sku: SKU-0001, name: Widget}
              responses:
                '201': {description: made, headers: {Location: {schema: {type: string}}}, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
                '400': {description: invalid, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
                '409': {description: the sku exists, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
                '415': {description: not JSON, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
          /items/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            get:
              operationId: getItem
              responses:
                '200': {description: the item, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
                '404': {description: none, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
            delete:
              operationId: deleteItem
              responses:
                '204': {description: deleted}
                '404': {description: none, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
        components:
          schemas:
            Error: {type: object, required: [message], properties: {message: {type: string}}}
            Item:
              type: object
              properties:
                id: {type: string}
                sku: {type: string}
                name: {type: string}
                meta: {type: object, properties: {version: {type: integer}}}
        """;

    private static readonly string ItemsRules = ErrorRules + "conventions: {validationStatus: 400}\n";

    // A conformant store with a unique sku; refuseAll makes every create a 400 (a body the server will not take).
    private sealed class ItemsServer
    {
        public ConcurrentDictionary<string, JsonObject> Items { get; } = new();

        public ConcurrentQueue<string> CreatedSkus { get; } = new();

        public ConcurrentQueue<string> PostedSkus { get; } = new();

        private int _next;

        public void Map(WebApplication app, bool refuseAll)
        {
            app.MapPost("/items", async (HttpContext c) =>
            {
                if (c.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
                {
                    return Error(415, "send JSON");
                }

                JsonObject? body;
                try
                {
                    body = await JsonSerializer.DeserializeAsync<JsonObject>(c.Request.Body);
                }
                catch (JsonException)
                {
                    return Error(400, "not JSON");
                }

                if (body?["sku"] is not JsonValue skuValue || !skuValue.TryGetValue<string>(out var sku) || sku.Length is 0 or > 40
                    || !System.Text.RegularExpressions.Regex.IsMatch(sku, "^[A-Za-z0-9-]+$")
                    || body["name"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var name) || name.Length == 0)
                {
                    return Error(400, "sku and name are required strings");
                }

                PostedSkus.Enqueue(sku);
                if (refuseAll)
                {
                    return Error(400, "this server takes no items today");
                }

                if (Items.Values.Any(i => (string?)i["sku"] == sku))
                {
                    return Error(409, $"sku {sku} exists");
                }

                var id = "i" + Interlocked.Increment(ref _next);
                // The server adds members of its own, also inside a nested object.
                var item = new JsonObject { ["id"] = id, ["sku"] = sku, ["name"] = name, ["meta"] = new JsonObject { ["version"] = 1 } };
                Items[id] = item;
                CreatedSkus.Enqueue(sku);
                return Results.Created($"/items/{id}", item);
            });
            app.MapGet("/items/{id}", (string id) => Items.TryGetValue(id, out var item) ? Results.Json(item) : Error(404, "no such item"));
            app.MapDelete("/items/{id}", (string id) => Items.TryRemove(id, out _) ? Results.NoContent() : Error(404, "no such item"));
            Only(app, "/items", "POST");
            Only(app, "/items/{id}", "GET", "DELETE");
        }
    }

    [Test]
    public async Task Cause4_AUniqueKeyInTheExample_EveryCreateSendsAFreshValue_SoNoCreateIsA409ExceptTheDuplicate()
    {
        var server = new ItemsServer();
        await using var api = await TestApi.StartAsync(app => server.Map(app, refuseAll: false));

        var report = await Pipeline.RunAsync(ItemsSpec, ItemsRules, api.BaseUrl);

        Assert.That(Failures(report), Is.Empty);
        Assert.That(server.CreatedSkus, Has.Count.GreaterThanOrEqualTo(3), "happy-path, the lifecycle and duplicate-create each made an item");
        Assert.That(server.CreatedSkus, Is.Unique);
        Assert.That(server.CreatedSkus, Does.Not.Contain("SKU-0001"), "the example's own value is varied");
        Assert.That(report.Case(StatusIsExpected.CheckId, probe: "duplicate-create").Outcome, Is.EqualTo(Outcome.Passed), "the second of two equal creates is the 409");
        Assert.That(server.Items, Is.Empty, "everything made is deleted");
    }

    [Test]
    public async Task Cause5_MembersTheServerAddsInsideANestedObject_AreNoDifferenceOnAServer()
    {
        var server = new ItemsServer();
        await using var api = await TestApi.StartAsync(app => server.Map(app, refuseAll: false));

        var report = await Pipeline.RunAsync(ItemsSpec, ItemsRules, api.BaseUrl);

        var compared = report.Cases.Where(c => c.Check == ReadMatchesCreate.CheckId).ToList();
        Assert.That(compared, Is.Not.Empty);
        Assert.That(compared.Select(c => c.Outcome), Has.All.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task Cause6_DuplicateCreateWhoseFirstCreateIsRefused_IsSkippedWithTheReason()
    {
        var server = new ItemsServer();
        await using var api = await TestApi.StartAsync(app => server.Map(app, refuseAll: true));

        var report = await Pipeline.RunAsync(ItemsSpec, ItemsRules, api.BaseUrl);

        var duplicate = report.Cases.Where(c => c.Probe == "duplicate-create").ToList();
        Assert.That(duplicate, Is.Not.Empty);
        Assert.That(duplicate.Select(c => c.Outcome), Has.None.EqualTo(Outcome.Failed));
        Assert.That(duplicate.Where(c => c.Outcome == Outcome.Skipped).Select(c => c.Results[0].Finding.Message), Has.Some.Contains("400"));
        Assert.That(server.PostedSkus, Is.Unique, "the refused creates still each sent their own values");
    }

    [Test]
    public async Task Cause4_EveryInvalidBodyCaseSendsItsOwnTemplateValue()
    {
        var server = new ItemsServer();
        await using var api = await TestApi.StartAsync(app => server.Map(app, refuseAll: false));
        var rules = ItemsRules + """
            operations:
              createItem:
                body: {sku: "sku-{{uuid}}", name: "n{{random}}"}
            """;

        var report = await Pipeline.RunAsync(ItemsSpec, rules, api.BaseUrl);

        var bodies = report.Outcomes.Where(o => o.Probe.Kind == "invalid-body").SelectMany(o => o.Exchanges).Select(e => e.Request.Body is { } b ? System.Text.Encoding.UTF8.GetString(b) : "").ToList();
        var skus = bodies.Select(b => System.Text.RegularExpressions.Regex.Match(b, "sku-[0-9a-f-]{36}").Value).Where(v => v.Length > 0).ToList();
        Assert.That(skus, Has.Count.GreaterThan(1));
        Assert.That(skus, Is.Unique);
        Assert.That(Failures(report), Is.Empty);
    }

    // --- 7. Stateless mocks ------------------------------------------------------------------------------------

    // A mock that answers the spec's examples: every id exists, nothing is ever stored.
    private static Task<TestApi> StartMockAsync() => TestApi.StartAsync(app =>
    {
        var example = new JsonObject { ["id"] = "i1", ["sku"] = "SKU-0001", ["name"] = "Widget" };
        app.MapPost("/items", () => Results.Created("/items/i1", example));
        app.MapGet("/items/{id}", () => Results.Json(example));
        app.MapDelete("/items/{id}", () => Results.NoContent());
        Only(app, "/items", "POST");
        Only(app, "/items/{id}", "GET", "DELETE");
    });

    [Test]
    public async Task Cause7_AStatelessMock_WithStatefulFalse_SkipsTheProbesThatNeedState_AndFailsNothing()
    {
        await using var api = await StartMockAsync();

        var report = await Pipeline.RunAsync(ItemsSpec, ErrorRules + "conventions: {validationStatus: 400, stateful: false}\n", api.BaseUrl);

        var stateful = report.Cases.Where(c => c.Probe is "not-found" or "duplicate-create" or "lifecycle").ToList();
        Assert.That(stateful, Is.Not.Empty);
        Assert.That(stateful.Select(c => c.Outcome), Has.All.EqualTo(Outcome.Skipped));
        Assert.That(stateful.Select(c => c.Results[0].Finding.Message), Has.All.Contains("stateful"));
        // The mock takes any body (invalid-body rightly fails); what it does answer for reads and methods is right.
        Assert.That(report.Cases.Where(c => c.Outcome is Outcome.Failed or Outcome.Error && c.Probe is "happy-path" or "wrong-method").Select(c => c.Operation.Key + " " + c.Name), Is.Empty);
    }

    [Test]
    public async Task Cause7_TheSameMockWithoutIt_FailsTheStatefulProbes()
    {
        await using var api = await StartMockAsync();

        var report = await Pipeline.RunAsync(ItemsSpec, ItemsRules, api.BaseUrl);

        Assert.That(report.Cases.Where(c => c.Probe == "not-found" && c.Outcome == Outcome.Failed), Is.Not.Empty, "a store that says every id exists is what not-found catches");
    }

    // --- 8. Credentials the spec does not declare --------------------------------------------------------------

    private const string UndeclaredAuthSpec = """
        openapi: 3.0.3
        info: {title: Reports, version: '1'}
        paths:
          /reports:
            get:
              operationId: listReports
              responses:
                '200': {description: reports, content: {application/json: {schema: {type: array, items: {type: object}}}}}
        """ + "\n" + ErrorComponent;

    private static async Task<RunReport> RunUndeclaredAuthAsync(bool challenge)
    {
        await using var api = await TestApi.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                if (context.Request.Headers.Authorization != "Bearer tok-0123456789abcdef")
                {
                    if (challenge)
                    {
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                    }

                    await Error(challenge ? 401 : 403, "no token").ExecuteAsync(context);
                    return;
                }

                await next(context);
            });
            app.MapGet("/reports", () => Results.Json(Array.Empty<object>()));
            Only(app, "/reports", "GET");
        });
        return await Pipeline.RunAsync(UndeclaredAuthSpec, ErrorRules + "auth: {bearer: \"${REPORTS_TOKEN}\"}\n", api.BaseUrl, env: new() { ["REPORTS_TOKEN"] = "tok-0123456789abcdef" });
    }

    [Test]
    public async Task Cause8_CredentialsWithoutASecuritySchemeInTheSpec_AuthProbesRun_And403WithoutChallengeFails()
    {
        var report = await RunUndeclaredAuthAsync(challenge: false);

        Assert.That(report.Plan.Probes.Where(p => p.Operation.OperationId == "listReports").Select(p => p.Kind), Does.Contain(MissingAuthProbe.KindId).And.Contain(InvalidAuthProbe.KindId));
        Assert.That(report.Plan.DesignWarnings.Select(w => w.Message), Has.Some.Contains("security scheme"));
        Assert.That(report.Cases.Where(c => c.Probe == MissingAuthProbe.KindId && c.Outcome == Outcome.Failed), Is.Not.Empty, "a 403 without WWW-Authenticate to a request without credentials");
    }

    [Test]
    public async Task Cause8_TheSameWith401AndAChallenge_Passes()
    {
        var report = await RunUndeclaredAuthAsync(challenge: true);

        var auth = report.Cases.Where(c => c.Probe is "missing-auth" or "invalid-auth").Select(c => c.Outcome).ToList();
        Assert.That(auth, Is.Not.Empty);
        Assert.That(auth, Has.All.EqualTo(Outcome.Passed));
        Assert.That(Failures(report), Is.Empty);
    }

    // --- 9. Preconditions the spec declares --------------------------------------------------------------------

    private const string VersionedSpec = """
        openapi: 3.0.3
        info: {title: Docs, version: '1'}
        paths:
          /docs:
            post:
              operationId: createDoc
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: '#/components/schemas/Doc'}}}
              responses:
                '201': {description: made, headers: {Location: {schema: {type: string}}, ETag: {schema: {type: string}}}, content: {application/json: {schema: {$ref: '#/components/schemas/Doc'}}}}
                '400': {description: invalid, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
                '415': {description: not JSON, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
          /docs/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            get:
              operationId: getDoc
              responses:
                '200': {description: the doc, headers: {ETag: {schema: {type: string}}}, content: {application/json: {schema: {$ref: '#/components/schemas/Doc'}}}}
                '404': {description: none, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
            put:
              operationId: replaceDoc
              parameters:
                - {name: If-Match, in: header, required: true, schema: {type: string, example: '"v0"'}}
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: '#/components/schemas/Doc'}}}
              responses:
                '200': {description: replaced, headers: {ETag: {schema: {type: string}}}, content: {application/json: {schema: {$ref: '#/components/schemas/Doc'}}}}
                '400': {description: invalid, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
                '404': {description: none, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
                '412': {description: changed meanwhile, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
                '415': {description: not JSON, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
                '428': {description: If-Match missing, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
            delete:
              operationId: deleteDoc
              responses:
                '204': {description: deleted}
                '404': {description: none, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
        components:
          schemas:
            Error: {type: object, required: [message], properties: {message: {type: string}}}
            Doc: {type: object, required: [text], properties: {id: {type: string, readOnly: true}, text: {type: string, example: hello}}}
        """;

    [Test]
    public async Task Cause9_AWriteThatDeclaresIfMatch_SendsTheItemsCurrentETag_AndNo412IsReported()
    {
        var docs = new ConcurrentDictionary<string, (string Text, int Version)>();
        var puts = new ConcurrentQueue<string>();
        var next = 0;
        await using var api = await TestApi.StartAsync(app =>
        {
            static string Tag(int version) => $"\"v{version}\"";
            static async Task<(bool Ok, string? Text)> ReadAsync(HttpContext c)
            {
                if (c.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
                {
                    return (false, "415");
                }

                try
                {
                    var body = await JsonSerializer.DeserializeAsync<JsonObject>(c.Request.Body);
                    return body?["text"] is JsonValue v && v.TryGetValue<string>(out var text) ? (true, text) : (false, null);
                }
                catch (JsonException)
                {
                    return (false, null);
                }
            }

            app.MapPost("/docs", async (HttpContext c) =>
            {
                var (ok, text) = await ReadAsync(c);
                if (!ok)
                {
                    return text == "415" ? Error(415, "send JSON") : Error(400, "text is required");
                }

                var id = "d" + Interlocked.Increment(ref next);
                docs[id] = (text!, 1);
                c.Response.Headers.ETag = Tag(1);
                return Results.Created($"/docs/{id}", new { id, text });
            });
            app.MapGet("/docs/{id}", (HttpContext c, string id) =>
            {
                if (!docs.TryGetValue(id, out var doc))
                {
                    return Error(404, "no such doc");
                }

                c.Response.Headers.ETag = Tag(doc.Version);
                return Results.Json(new { id, text = doc.Text });
            });
            app.MapPut("/docs/{id}", async (HttpContext c, string id) =>
            {
                puts.Enqueue(c.Request.Headers.IfMatch.ToString());
                if (!docs.TryGetValue(id, out var doc))
                {
                    return Error(404, "no such doc");
                }

                if (c.Request.Headers.IfMatch.Count == 0)
                {
                    return Error(428, "send If-Match");
                }

                if (c.Request.Headers.IfMatch != Tag(doc.Version))
                {
                    return Error(412, "the doc changed meanwhile");
                }

                var (ok, text) = await ReadAsync(c);
                if (!ok)
                {
                    return text == "415" ? Error(415, "send JSON") : Error(400, "text is required");
                }

                docs[id] = (text!, doc.Version + 1);
                c.Response.Headers.ETag = Tag(doc.Version + 1);
                return Results.Json(new { id, text });
            });
            app.MapDelete("/docs/{id}", (string id) => docs.TryRemove(id, out _) ? Results.NoContent() : Error(404, "no such doc"));
            Only(app, "/docs", "POST");
            Only(app, "/docs/{id}", "GET", "PUT", "DELETE");
        });

        var report = await Pipeline.RunAsync(VersionedSpec, ErrorRules + "conventions: {validationStatus: 400}\n", api.BaseUrl);

        Assert.That(Failures(report), Is.Empty);
        Assert.That(puts, Is.Not.Empty);
        Assert.That(puts, Has.None.EqualTo("\"v0\""), "the spec's example ETag is never sent");
        Assert.That(report.Case(StatusIsExpected.CheckId, "PUT /docs/{id}").Outcome, Is.EqualTo(Outcome.Passed));
        Assert.That(docs, Is.Empty);
    }
}
