using System.Xml.Linq;
using ContractCheck.Tests;

namespace ContractCheck.Cli.Tests;

public class CliTests
{
    private static readonly string TodoSpec = Repository.Path("examples", "TodoApi", "openapi.yaml");
    private static readonly string TodoRules = Repository.Path("examples", "TodoApi", "contractcheck.yaml");

    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("cc-cli-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, true);

    [Test]
    public async Task Demo_TodoApi_ExitsZeroWithEveryCheckPassed()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("demo", "--seed", "5");

        Assert.That(exit, Is.EqualTo(0), stdout + stderr);
        Assert.That(stdout, Does.Match(@"\n\d+ passed, 0 failed, 0 skipped \(\d+ requests in [\d.]+ s, seed 5\)\n$"));
        Assert.That(stderr, Is.Empty);
    }

    [Test]
    public async Task Demo_JUnit_IsWritten()
    {
        var junit = Path.Combine(_dir, "reports", "demo.xml");

        var (exit, stdout, stderr) = await CliRunner.RunAsync("demo", "--junit", junit);

        Assert.That(exit, Is.EqualTo(0), stdout + stderr);
        Assert.That(XDocument.Load(junit).Root!.Attribute("failures")!.Value, Is.EqualTo("0"));
    }

    [Test]
    public async Task Run_RulesTheApiBreaks_ExitsOneAndJUnitNamesTheCheck()
    {
        var rules = Path.Combine(_dir, "contractcheck.yaml");
        File.WriteAllText(rules, File.ReadAllText(TodoRules) + "  - status: 201\n    require: {headers: [ETag]}\n    why: clients cache what they create\n");
        var junit = Path.Combine(_dir, "results.xml");
        await using var todo = await TestApi.StartTodoAsync();
        var (exit, stdout, _) = await CliRunner.RunAsync("run", "--spec", TodoSpec, "--rules", rules, "--base-url", todo.BaseUrl.ToString(), "--junit", junit);

        Assert.That(exit, Is.EqualTo(1), stdout);
        Assert.That(stdout, Does.Contain("201: header ETag is missing — clients cache what they create"));
        var failed = XDocument.Load(junit).Descendants("failure").Select(f => f.Parent!.Attribute("name")!.Value + " @ " + f.Parent.Parent!.Attribute("name")!.Value);
        Assert.That(failed, Does.Contain("happy-path: response-rules @ POST /todos (createTodo)"));
        Assert.That(failed.Where(f => !f.Contains("response-rules", StringComparison.Ordinal)), Is.Empty, "nothing else fails");
    }

    [Test]
    public async Task Run_RulesBesideTheSpec_ArePickedUpWithoutAFlag()
    {
        await using var todo = await TestApi.StartTodoAsync();
        var (exit, stdout, _) = await CliRunner.RunAsync("run", "--spec", TodoSpec, "--base-url", todo.BaseUrl.ToString());

        Assert.That(exit, Is.EqualTo(0), stdout);
        Assert.That(stdout, Does.Contain("rules builtin:http, builtin:rest, builtin:security, builtin:deprecation, " + TodoRules));
    }

    [Test]
    public async Task Run_NothingListening_ExitsThreeNamingTheUrl()
    {
        var port = Ports.Closed();

        var (exit, stdout, stderr) = await CliRunner.RunAsync("run", "--spec", TodoSpec, "--base-url", $"http://127.0.0.1:{port}");

        Assert.That(exit, Is.EqualTo(3));
        Assert.That(stderr, Does.StartWith($"error: cannot reach http://127.0.0.1:{port}/: connection refused"));
        Assert.That(stdout, Is.Empty);
    }

    [TestCase(new[] { "run", "--base-url", "http://127.0.0.1:1" }, "Option '--spec' is required")]
    [TestCase(new[] { "run", "--spec", "x.yaml", "--bogus" }, "Unrecognized command or argument '--bogus'")]
    [TestCase(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'")]
    [TestCase(new[] { "run", "--spec", "nope.yaml", "--base-url", "http://127.0.0.1:1" }, "spec file 'nope.yaml' does not exist")]
    [TestCase(new[] { "run", "--spec", "{spec}" }, "--base-url is required")]
    [TestCase(new[] { "run", "--spec", "{spec}", "--base-url", "localhost:8080" }, "--base-url 'localhost:8080' is not an http(s) URL")]
    [TestCase(new[] { "run", "--spec", "{spec}", "--base-url", "http://127.0.0.1:1", "--header", "NoColon" }, "--header 'NoColon' is not a header")]
    [TestCase(new[] { "run", "--spec", "{spec}", "--base-url", "http://127.0.0.1:1", "--rules", "missing.yaml" }, "rules file 'missing.yaml' does not exist")]
    [TestCase(new[] { "run", "--spec", "{spec}", "--base-url", "http://127.0.0.1:1", "--timeout", "0" }, "--timeout 0 is out of range")]
    [TestCase(new[] { "demo", "--target", "nope" }, "Argument 'nope' not recognized")]
    [TestCase(new[] { "run", "--spec", "{spec}", "--dry-run", "--shard", "3/2" }, "--shard 3/2: the shard number must be between 1 and 2")]
    [TestCase(new[] { "run", "--spec", "{spec}", "--dry-run", "--shard", "0/2" }, "--shard 0/2: the shard number must be between 1 and 2")]
    [TestCase(new[] { "demo", "--shard", "x" }, "--shard 'x' is not a shard")]
    [TestCase(new[] { "run", "--spec", "{spec}", "--base-url", "http://127.0.0.1:1", "--min-coverage", "120" }, "--min-coverage 120 is out of range")]
    [TestCase(new[] { "run", "--spec", "{spec}", "--base-url", "http://127.0.0.1:1", "--baseline", "missing.baseline.json" }, "baseline file 'missing.baseline.json' does not exist")]
    [TestCase(new[] { "run", "--spec", "{spec}", "--base-url", "http://127.0.0.1:1", "--quiet", "--output", "summary" }, "--quiet is --output failures")]
    [TestCase(new[] { "run", "--spec", "{spec}", "--base-url", "http://127.0.0.1:1", "--junit", "." }, "--junit '.' is a directory")]
    [TestCase(new[] { "schema", "--out", "." }, "--out '.' is a directory")]
    public async Task BadInput_ExitsTwoWithOneMessageAndNoStackTrace(string[] args, string message)
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync(args.Select(a => a.Replace("{spec}", TodoSpec)).ToArray());

        Assert.That(exit, Is.EqualTo(2), stderr);
        Assert.That(stderr, Does.StartWith("error: ").And.Contain(message));
        Assert.That(stderr, Does.Not.Contain("   at "));
        Assert.That(stdout, Is.Empty);
    }

    [Test]
    public async Task Run_BadRulesFile_ExitsTwoNamingFileLineAndFix()
    {
        var rules = Path.Combine(_dir, "contractcheck.yaml");
        File.WriteAllText(rules, "conventions:\n  maxResponseMs: 100\nexpect-status: 200\n");

        var (exit, _, stderr) = await CliRunner.RunAsync("run", "--spec", TodoSpec, "--rules", rules, "--base-url", "http://127.0.0.1:1");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr.ReplaceLineEndings("\n"), Is.EqualTo($"error: {rules}:3:1: unknown key 'expect-status' in the rules file\n  fix: did you mean 'expect'?\n"));
    }

    [Test]
    public async Task Help_Run_ListsEveryOptionAndTheExitCodes()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("run", "--help");

        Assert.That(exit, Is.EqualTo(0));
        foreach (var option in new[] { "--spec", "--base-url", "--rules", "--junit", "--header", "--include", "--exclude", "--timeout", "--seed", "--dry-run", "--max-requests" })
        {
            Assert.That(stdout, Does.Contain(option));
        }

        Assert.That(stdout, Does.Contain("Exit codes: 0 all checks passed, 1 contract failures (with --baseline: findings not in it) or fewer operations exercised than --min-coverage asks, 2 usage/spec/rules error, 3 API unreachable"));
    }

    [Test]
    public async Task DryRun_SendsNothingAndListsTheRequests()
    {
        await using var api = await TestApi.StartAsync(_ => { });

        var (exit, stdout, _) = await CliRunner.RunAsync("run", "--spec", TodoSpec, "--base-url", api.BaseUrl.ToString(), "--dry-run", "--seed", "9");

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(api.Requests, Is.Zero);
        Assert.That(stdout, Does.Contain("happy-path       POST    /todos (").And.Contain("→ expect 201"));
        Assert.That(stdout, Does.Contain("dry run: nothing was sent"));
    }

    [Test]
    public async Task DryRun_LargestCorpusSpec_ListsAllItsOperations()
    {
        var github = SharedData.Require("specs/github-api.json");

        var (exit, stdout, stderr) = await CliRunner.RunAsync("run", "--spec", github, "--dry-run", "--seed", "1");

        Assert.That(exit, Is.EqualTo(0), stderr);
        Assert.That(stdout, Does.Contain("1223 operations, "));
        // Every operation has its happy path listed: sent, or skipped where it would change an item the run does not own.
        var lines = stdout.Split('\n');
        Assert.That(lines.Count(l => l.StartsWith("  happy-path", StringComparison.Ordinal) || l.StartsWith("  skip happy-path ", StringComparison.Ordinal)), Is.EqualTo(1223));
        Assert.That(lines.Where(l => l.StartsWith("  skip happy-path ", StringComparison.Ordinal)), Has.All.Contains("not sent: "));
        Assert.That(stdout, Does.Contain("GET     /repos/"));
    }

    [Test]
    public async Task Checks_ListsTheCatalogue()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("checks");

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(stdout, Does.Contain("status-documented").And.Contain("no-leak").And.Contain("builtin:security").And.Contain("happy-path"));
    }

    [Test]
    public async Task Run_UnusableSpec_ExitsTwoWithItsPointer()
    {
        var spec = Path.Combine(_dir, "old.yaml");
        File.WriteAllText(spec, "swagger: '1.2'\napis: []\n");

        var (exit, _, stderr) = await CliRunner.RunAsync("run", "--spec", spec, "--base-url", "http://127.0.0.1:1");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith($"error: {spec}#/swagger: unsupported Swagger version '1.2'"));
    }

    [Test]
    public async Task Run_SpecContradictingTheTables_ListsDesignWarningsApartAndPasses()
    {
        var spec = Path.Combine(_dir, "pets.yaml");
        File.WriteAllText(spec, """
            openapi: 3.0.3
            info: {title: Pets, version: '1'}
            paths:
              /pets:
                post:
                  operationId: addPet
                  requestBody: {content: {application/json: {schema: {type: object}}}}
                  responses: {'200': {description: ok}}
              /pets/{id}:
                get:
                  parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
                  responses: {'200': {description: ok}, '404': {description: none}}
            """);
        await using var api = await TestApi.StartAsync(app =>
        {
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapPost(app, "/pets", () => Microsoft.AspNetCore.Http.Results.Ok());
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(app, "/pets/{id}", () => Microsoft.AspNetCore.Http.Results.Ok());
        });

        var rules = Path.Combine(_dir, "rules.yaml");
        File.WriteAllText(rules, "probes: {bad-json: off, wrong-content-type: off, invalid-body: off, wrong-method: off, not-found: off, invalid-path-param: off}\n");

        var (exit, stdout, _) = await CliRunner.RunAsync("run", "--spec", spec, "--rules", rules, "--base-url", api.BaseUrl.ToString());

        Assert.That(exit, Is.EqualTo(0), stdout);
        Assert.That(stdout, Does.Contain("Design warnings (the spec contradicts a design table row; not failures; set strict: true in the rules to make them fail)"));
        Assert.That(stdout, Does.Contain("! POST /pets (addPet): creates an item of /pets but documents 200, not 201 Created with a Location (expect.happy-path.create)"));
    }

    [Test]
    public async Task Run_ResponseBreakingItsSchema_ExitsOneWithPathAndReason()
    {
        await using var api = await TestApi.StartAsync(app =>
        {
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(app, "/health", () => Microsoft.AspNetCore.Http.Results.Json(new { status = "degraded" }));
        });

        var (exit, stdout, _) = await CliRunner.RunAsync("run", "--spec", TodoSpec, "--rules", TodoRules, "--base-url", api.BaseUrl.ToString(), "--include", "health");

        Assert.That(exit, Is.EqualTo(1), stdout);
        Assert.That(stdout, Does.Contain("response-schema: Response body does not match its schema"));
        Assert.That(stdout, Does.Contain("200: $.status: \"degraded\" is not one of \"ok\""));
    }

    [Test]
    public async Task Demo_Legacy_ExitsOneAndReportsEachPlantedMistakeUnderItsProbe()
    {
        var junit = Path.Combine(_dir, "legacy.xml");

        var (exit, stdout, _) = await CliRunner.RunAsync("demo", "--target", "legacy", "--junit", junit, "--seed", "3");

        Assert.That(exit, Is.EqualTo(1));
        // "suite | testcase | message" plus one entry per problem in the failure's text ("Title: …" lines).
        var failures = XDocument.Load(junit).Descendants("failure")
            .SelectMany(f => new[] { f.Attribute("message")!.Value }.Concat(f.Value.Split('\n')).Select(m => $"{f.Parent!.Parent!.Attribute("name")!.Value} | {f.Parent.Attribute("name")!.Value} | {m}"))
            .ToList();
        string[] planted =
        [
            "POST /todos (createTodo) | lifecycle: expected-status | Location does not resolve: expected 200, got 404",
            "POST /todos (createTodo) | lifecycle: expected-status | Use after delete: USE AFTER DELETE: GET /todos/{id} still answers 200",
            "GET /todos (listTodos) | burst (150 in 2 s): retry-after | Throttled without Retry-After",
            "GET /todos (listTodos) | burst (150 in 2 s): no-errors-under-load | Errors under load",
            "DELETE /todos/{id} (deleteTodo) | happy-path: expected-status | Unexpected status code: expected 204, got 200",
            "POST /todos (createTodo) | duplicate-create: expected-status | Unexpected status code: expected 409, got 201",
            "GET /todos (listTodos) | missing-auth: expected-status | Unexpected status code: expected 401, got 403",
            "GET /todos (listTodos) | invalid-auth: expected-status | Authentication bypass: expected 401, got 200",
            "POST /todos (createTodo) | bad-json: expected-status | Unexpected status code: expected 400, got 500",
            "POST /todos (createTodo) | bad-json: no-leak | Internal details leaked in an error",
            "POST /todos (createTodo) | wrong-content-type: expected-status | Unexpected status code: expected 415, got 201",
            "POST /todos (createTodo) | invalid-body (required property 'title' removed): expected-status | Unexpected status code: expected 422, got 200",
            "POST /todos (createTodo) | invalid-body (required property 'title' removed): no-error-in-success | Error reported inside a success response",
            "PATCH /todos/{id} (not in the spec) | wrong-method: expected-status | Unexpected status code: expected 405, got 404",
            "GET /todos/{id} (getTodo) | not-found: expected-status | Unexpected status code: expected 404 or 410, got 200",
            "GET /todos (listTodos) | missing-auth: error-shape | Error response has the wrong shape",
            "GET /health (health) | happy-path (without credentials): expected-status | Unexpected status code: expected 200, got 403",
            "GET /todos/{id} (getTodo) | invalid-path-param (id is not an integer: abc): expected-status | Unexpected status code: expected 400 or 404 or 422, got 200",
            "GET /tags/{id} (getTag) | invalid-path-param (id is not a valid uuid: not-a-uuid): expected-status | Unexpected status code: expected 400 or 404 or 422, got 500",
            "GET /tags/{id} (getTag) | invalid-path-param (id is not a valid uuid: not-a-uuid): not-cacheable-5xx | Cacheable server error",
            "GET /tags/{id} (getTag) | invalid-path-param (id is not a valid uuid: not-a-uuid): no-leak | Internal details leaked in an error",
            "POST /tags (createTag) | duplicate-create (the id of an existing item): expected-status | Unexpected status code: expected 409, got 500",
            "POST /tags (createTag) | duplicate-create (the id of an existing item): no-leak | Internal details leaked in an error",
            "GET /tags/{id} (getTag) | not-found: problem-details | Malformed problem details",
            "GET /todos (listTodos) | happy-path: rate-limit-fields | Malformed rate-limit fields",
            "GET /stats (stats) | happy-path (without credentials): deprecation | Deprecation not announced: expected header Deprecation, got no such header",
            "GET /stats (stats) | happy-path (without credentials): deprecation | Deprecation not announced: 200: header Sunset: '2027-06-30' does not match",
            "GET /todos/{id} (getTodo) | cross-identity: expected-status | Broken object-level authorization: expected 403 or 404, got 200",
            "PUT /todos/{id} (updateTodo) | cross-identity: read-matches-create | Item changed by another identity",
            "DELETE /todos/{id} (deleteTodo) | cross-identity: expected-status | Broken object-level authorization: expected 403 or 404, got 200",
            "GET /todos/{id} (getTodo) | hide-existence (as other): expected-status | Broken object-level authorization",
            "POST /todos (createTodo) | insufficient-permission: expected-status | Privilege escalation: expected 403, got 201",
            "DELETE /todos/{id} (deleteTodo) | insufficient-permission: expected-status | 401 for valid credentials: expected 403 or 404, got 401",
            "GET /todos (listTodos) | head-matches-get: expected-status | Unexpected status code: expected 200, got 404",
            "OPTIONS /todos (not in the spec) | options-allow: allow-header | Allow does not match the declared methods",
            "GET /todos (listTodos) | unacceptable-accept: expected-status | Unexpected status code: expected 406, got 200",
            "GET /todos/{id} (getTodo) | conditional-get: expected-status | Unexpected status code: expected 304, got 200",
            "PUT /todos/{id} (updateTodo) | conditional-write: expected-status | Unexpected status code: expected 412, got 200",
            "PUT /todos/{id} (updateTodo) | conditional-write: expected-status | Unexpected status code: conditional-write (no-if-match) on PUT /todos/{id}: expected 428, got 200",
            "DELETE /todos/{id} (deleteTodo) | conditional-write: expected-status | Unexpected status code: expected 412, got 200",
            "POST /todos (createTodo) | idempotency-key: idempotent-replay | Replayed create not answered as the first",
            "POST /todos (createTodo) | idempotency-key: expected-status | Unexpected status code: expected 422, got 201",
            "GET /todos (listTodos) | pagination-links: links-on-origin | Page link on another origin",
        ];
        foreach (var mistake in planted)
        {
            Assert.That(failures, Has.Some.StartsWith(mistake), mistake);
        }

        Assert.That(stdout, Does.Contain("AUTHENTICATION BYPASS on 7 operation(s)"));
        Assert.That(stdout, Does.Contain("BROKEN OBJECT-LEVEL AUTHORIZATION on 5 operation(s): GET /todos/{id}, GET /tags/{id}, PUT /todos/{id}, DELETE /todos/{id}, DELETE /tags/{id}"));
        Assert.That(stdout, Does.Contain("PRIVILEGE ESCALATION on 4 operation(s): POST /todos, POST /tags, PUT /todos/{id}, DELETE /tags/{id}"));
        Assert.That(stdout, Does.Match(@"Clean-up: created (\d+), deleted \1\n"), "everything the run made was deleted");
    }
}

