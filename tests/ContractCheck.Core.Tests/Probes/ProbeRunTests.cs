using System.Text;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TodoApi;

namespace ContractCheck.Core.Tests.Probes;

/// <summary>
/// Every probe kind against real servers: the Todo API keeps each table row, and the Todo API with
/// exactly one planted mistake fails the probe that looks for it, with the row's message.
/// </summary>
public class ProbeRunTests
{
    // The burst (and its wait for the limit to lift) is tested in LifecycleAndBurstTests; here it only costs time.
    private const string NoBurst = "probes:\n  burst: off\n";

    private static async Task<RunReport> RunAsync(Action<WebApplication>? mistake = null, bool hideExistence = false, string token = TodoApiOptions.DefaultToken, bool burst = false)
    {
        await using var todo = await TestApi.StartTodoAsync(new TodoApiOptions { Token = token }, mistake);
        var rules = (hideExistence ? TodoApiFiles.Rules : TodoApiFiles.Rules.Replace("hideExistence: true", "hideExistence: false", StringComparison.Ordinal)) + (burst ? "" : NoBurst);
        return await Pipeline.RunTodoAsync(todo.BaseUrl, rules, seed: 5, token: token);
    }

    private static readonly Lazy<Task<RunReport>> Clean = new(() => RunAsync(hideExistence: true, burst: true));

    private static IEnumerable<CheckResult> Failures(RunReport report, string kind, string check = "expected-status") =>
        report.Results.Where(r => r.Probe.Kind == kind && r.Finding.Check == check && r.Finding.Outcome == Outcome.Failed);

    [TestCase("happy-path", 11)]
    [TestCase("missing-auth", 8)]
    [TestCase("invalid-auth", 8)]
    [TestCase("hide-existence", 4)]
    [TestCase("cross-identity", 5)]
    [TestCase("insufficient-permission", 5)]
    [TestCase("permitted", 3)]
    [TestCase("bad-json", 4)]
    [TestCase("wrong-content-type", 4)]
    [TestCase("invalid-body", 34)]
    [TestCase("duplicate-create", 3)]
    [TestCase("wrong-method", 16)]
    [TestCase("not-found", 5)]
    [TestCase("invalid-path-param", 3)]
    [TestCase("lifecycle", 2)]
    [TestCase("burst", 1)]
    [TestCase("head-matches-get", 5)]
    [TestCase("options-allow", 7)]
    [TestCase("unacceptable-accept", 5)]
    [TestCase("conditional-get", 6)]
    [TestCase("conditional-write", 3)]
    [TestCase("idempotency-key", 1)]
    [TestCase("pagination-links", 1)]
    public async Task TodoApi_KeepsEveryRowOfTheProbe(string kind, int probes)
    {
        var report = await Clean.Value;

        var cases = report.Cases.Where(c => report.Outcomes.Any(o => o.Probe.Kind == kind && o.Probe.Operation == c.Operation && o.Probe.DisplayName == c.Probe)).ToList();
        Assert.That(report.Outcomes.Count(o => o.Probe.Kind == kind), Is.EqualTo(probes), "probes planned");
        // What the run must not send (PUT, PATCH or DELETE on a collection) is planned as skipped, saying so; nothing else is skipped.
        var notSent = report.Outcomes.Count(o => o.Probe.Kind == kind && o.NotRunReason?.StartsWith("not sent: ", StringComparison.Ordinal) == true);
        Assert.That(cases.Where(c => c.Outcome != Outcome.Passed && !Pipeline.IsPlannedNotSent(c)).Select(c => $"{c.Operation.Key} {c.Name}: {c.Results[0].Finding.Message}"), Is.Empty);
        Assert.That(cases.Count(c => c.Check == "expected-status"), Is.EqualTo(probes - notSent), "each probe sent had its status judged");
    }

    // The checks and cases of issue 12 on the conformant API: each is judged there, and each passes.
    [TestCase("GET /stats", "happy-path (without credentials)", "deprecation")]
    [TestCase("GET /health", "happy-path (without credentials)", "expected-status")]
    [TestCase("GET /todos", "happy-path", "rate-limit-fields")]
    [TestCase("GET /todos/{id}", "not-found", "problem-details")]
    [TestCase("GET /todos/{id}", "invalid-path-param (id is not an integer: abc)", "expected-status")]
    [TestCase("GET /tags/{id}", "invalid-path-param (id is not a valid uuid: not-a-uuid)", "expected-status")]
    [TestCase("POST /tags", "duplicate-create (the id of an existing item)", "expected-status")]
    public async Task TodoApi_KeepsTheNewClaims(string operation, string probe, string check)
    {
        var report = await Clean.Value;

        Assert.That(report.Case(check, operation, probe).Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task TodoApi_LeavesNothingBehind()
    {
        var report = await Clean.Value;

        Assert.That(report.Cleanup.All(c => c.Deleted), Is.True);
        // The first create of each duplicate pair (a todo, a tag), of the tag whose id a second create named and of the
        // idempotency-key probe (its replay made nothing), and the items of the chains whose other or limited identity
        // was refused a write (cross-identity: PUT, DELETE and the GET's; insufficient-permission: PUT, DELETE; for todos
        // and tags): the clean-up deletes them.
        Assert.That(report.Cleanup, Has.Count.EqualTo(12));
    }

    [Test]
    public async Task MissingAuth_403InsteadOf401_Fails()
    {
        var report = await RunAsync(Mistake.Answer((ctx, status, _) => status == 401 ? Mistake.Replace(ctx, 403, "{\"title\":\"Forbidden\",\"status\":403}", TodoApp.ProblemJson) : Task.FromResult(false)));

        var failure = Failures(report, "missing-auth").First();
        Assert.That(failure.Finding.Message, Is.EqualTo("missing-auth on POST /todos: expected 401, got 403 — a request without credentials must be refused with 401 and a WWW-Authenticate challenge"));
    }

    [Test]
    public async Task InvalidAuth_AnyTokenAccepted_IsAnAuthBypass()
    {
        var report = await RunAsync(Mistake.Request(ctx =>
        {
            if (ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
            {
                ctx.Request.Headers.Authorization = "Bearer " + TodoApiOptions.DefaultToken;
            }

            return Task.FromResult(false);
        }));

        var failure = Failures(report, "invalid-auth").First(f => f.Probe.Operation.Key == "GET /todos");
        Assert.That(failure.Finding.Title, Is.EqualTo(StatusIsExpected.BypassTitle));
        Assert.That(failure.Finding.Message, Does.StartWith("AUTH BYPASS: invalid-auth on GET /todos was answered 200 without valid credentials"));
        Assert.That(Failures(report, "missing-auth"), Is.Empty, "requests without any token are still refused");
    }

    [Test]
    public async Task BadJson_500WithStackTrace_FailsAndLeaks()
    {
        var report = await RunAsync(Mistake.Answer((ctx, status, _) => status == 400
            ? Mistake.Replace(ctx, 500, "System.Text.Json.JsonException: '}' is invalid\n   at TodoApi.TodoInput.ReadAsync() in /src/TodoInput.cs:line 20", "text/plain")
            : Task.FromResult(false)));

        Assert.That(Failures(report, "bad-json").First().Finding.Message, Is.EqualTo("bad-json on POST /todos: expected 400, got 500 — malformed JSON is the client's mistake, a 400, never a 5xx"));
        Assert.That(Failures(report, "bad-json", "no-leak"), Is.Not.Empty);
    }

    [Test]
    public async Task WrongContentType_Accepted_Fails()
    {
        var report = await RunAsync(Mistake.Request(ctx =>
        {
            if (ctx.Request.ContentType == "text/plain")
            {
                ctx.Request.ContentType = "application/json";
            }

            return Task.FromResult(false);
        }));

        Assert.That(Failures(report, "wrong-content-type").Select(f => f.Finding.Message), Has.Some.StartsWith("wrong-content-type on POST /todos: expected 415, got 201"));
    }

    [Test]
    public async Task InvalidBody_200WithSuccessFalse_FailsEveryCase()
    {
        var report = await RunAsync(Mistake.Answer((ctx, status, _) => status == 422 ? Mistake.Replace(ctx, 200, "{\"success\":false,\"error\":\"invalid\"}") : Task.FromResult(false)));

        var failures = Failures(report, "invalid-body").Where(f => f.Probe.Operation.Path.StartsWith("/todos", StringComparison.Ordinal)).ToList();
        Assert.That(failures, Has.Count.EqualTo(15));
        Assert.That(failures[1].Finding.Message, Is.EqualTo("invalid-body (required property 'title' removed) on POST /todos: expected 422, got 200 — a body that breaks the schema must be refused with the validation status, never accepted, never a 5xx"));
        Assert.That(Failures(report, "invalid-body", "no-error-in-success").Count(f => f.Probe.Operation.Path.StartsWith("/todos", StringComparison.Ordinal)), Is.EqualTo(15));
    }

    [Test]
    public async Task DuplicateCreate_Accepted_Fails()
    {
        var report = await RunAsync(Mistake.Answer(async (ctx, status, body) =>
        {
            if (status != 409)
            {
                return false;
            }

            ctx.Response.Headers.Location = "/todos/1";
            return await Mistake.Replace(ctx, 201, "{\"id\":1,\"title\":\"x\",\"done\":false,\"createdAt\":\"2024-01-01T00:00:00Z\"}");
        }));

        Assert.That(Failures(report, "duplicate-create").Single(f => f.Probe.Operation.Key == "POST /todos").Finding.Message, Is.EqualTo("duplicate-create (duplicate) on POST /todos: expected 409, got 201 — creating the same item twice must answer 409 Conflict the second time"));
    }

    [Test]
    public async Task DuplicateCreate_ApiWithoutUniquenessAndNo409InSpec_IsNotProbed()
    {
        var spec = TodoApiFiles.OpenApi.Replace("        '409':\n          description: A todo with this title exists.\n          content:\n            application/problem+json:\n              schema: {$ref: '#/components/schemas/Problem'}\n", "");
        var plan = ContractRun.Prepare(new RunSettings { Spec = "s.yaml", SpecText = spec, Rules = "r.yaml", RulesText = TodoApiFiles.Rules, BaseUrl = new Uri("http://127.0.0.1:1/"), Environment = _ => "t" }).Plan;

        Assert.That(spec, Is.Not.EqualTo(TodoApiFiles.OpenApi), "the 409 was removed");
        Assert.That(plan.Probes.Where(p => p.Kind == "duplicate-create" && p.Operation.OperationId == "createTodo"), Is.Empty);
    }

    [Test]
    public async Task WrongMethod_404InsteadOf405_Fails()
    {
        var report = await RunAsync(Mistake.Answer((ctx, status, _) => status == 405 ? Mistake.Replace(ctx, 404, "{\"title\":\"Not Found\",\"status\":404}", TodoApp.ProblemJson) : Task.FromResult(false)));

        Assert.That(Failures(report, "wrong-method").Select(f => f.Finding.Message), Has.Some.EqualTo("wrong-method on PATCH /todos/{id}: expected 405, got 404 — a method the resource does not support must answer 405 Method Not Allowed with Allow"));
    }

    [Test]
    public async Task WrongMethod_AllowListingTooLittle_Fails()
    {
        var report = await RunAsync(Mistake.Answer((ctx, status, body) =>
        {
            if (status == 405)
            {
                ctx.Response.Headers.Allow = "GET";
            }

            return Task.FromResult(false);
        }));

        Assert.That(Failures(report, "wrong-method", "allow-header").Select(f => f.Finding.Message), Has.Some.EqualTo("Allow: GET leaves out POST"));
    }

    [Test]
    public async Task NotFound_200ForAMissingId_Fails()
    {
        var report = await RunAsync(Mistake.Answer((ctx, status, _) => status == 404 && ctx.Request.Method == "GET" ? Mistake.Replace(ctx, 200, "null") : Task.FromResult(false)));

        Assert.That(Failures(report, "not-found").Single(f => f.Probe.Operation.Key == "GET /todos/{id}").Finding.Message, Is.EqualTo("not-found on GET /todos/{id}: expected 404 or 410, got 200 — an id that does not exist must answer 404 (or 410), never 200, never a 5xx"));
    }

    [Test]
    public async Task HideExistence_403ForAnExistingItem_Fails()
    {
        var report = await RunAsync(
            Mistake.Answer((ctx, status, _) => status == 401 && ctx.Request.Method == "GET" && ctx.Request.Path.Value!.StartsWith("/todos/", StringComparison.Ordinal)
                ? Mistake.Replace(ctx, 403, "{\"title\":\"Forbidden\",\"status\":403}", TodoApp.ProblemJson)
                : Task.FromResult(false)),
            hideExistence: true);

        Assert.That(Failures(report, "hide-existence").Single().Finding.Message, Does.StartWith("hide-existence on GET /todos/{id}: expected 401 or 404, got 403"));
    }

    [Test]
    public async Task ErrorShape_ErrorsAsPlainJson_FailOnEveryNegativeProbe()
    {
        var report = await RunAsync(Mistake.Answer(async (ctx, status, body) =>
        {
            if (status < 400)
            {
                return false;
            }

            return await Mistake.Replace(ctx, status, Encoding.UTF8.GetString(body), "application/json");
        }));

        var kinds = report.Results.Where(r => r.Finding.Check == "error-shape" && r.Finding.Outcome == Outcome.Failed).Select(r => r.Probe.Kind).Distinct();
        Assert.That(kinds, Is.SupersetOf(new[] { "missing-auth", "invalid-auth", "bad-json", "wrong-content-type", "invalid-body", "duplicate-create", "wrong-method", "not-found" }));
    }
}
