using System.Text.Json;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TodoApi;

namespace ContractCheck.Core.Tests.Probes;

/// <summary>
/// The authorization probes against the Todo API's three users (alice owns the todos, bob has another account, carol
/// reads alice's), each with one planted mistake: the probe that looks for it fails with its own title, and the run
/// still leaves nothing behind. The conformant API passes every one of them (ProbeRunTests).
/// </summary>
public class AuthorizationRunTests
{
    private const string NoBurst = "probes:\n  burst: off\n";

    private static async Task<(RunReport Report, int Left)> RunAsync(Action<WebApplication> mistake, params string[] include)
    {
        await using var todo = await TestApi.StartTodoAsync(new TodoApiOptions(), mistake);
        var report = await Pipeline.RunTodoAsync(todo.BaseUrl, TodoApiFiles.Rules + NoBurst, seed: 8, include: include);
        return (report, todo.Todos);
    }

    // bob is the one user of the Todo rules who logs in: a token from POST /login is his.
    private static bool IsBob(HttpContext ctx) => ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer tk_", StringComparison.Ordinal);

    private static bool IsCarol(HttpContext ctx) => ctx.Request.Headers.Authorization == "Bearer " + TodoApiOptions.DefaultReaderToken;

    private static long? ItemId(HttpContext ctx) =>
        ctx.Request.Path.StartsWithSegments("/todos", out var rest) && long.TryParse(rest.Value?.Trim('/'), out var id) ? id : null;

    private static List<CheckResult> Failed(RunReport report, string kind) =>
        report.Results.Where(r => r.Probe.Kind == kind && r.Finding.Outcome == Outcome.Failed).ToList();

    [Test]
    public async Task OtherUserReadsAnItem_IsBrokenObjectLevelAuthorization()
    {
        var (report, left) = await RunAsync(
            Mistake.Answer(async (ctx, status, _) =>
                status == 404 && ctx.Request.Method == "GET" && IsBob(ctx) && ItemId(ctx) is { } id && ctx.RequestServices.GetRequiredService<TodoStore>().Find(id) is { } todo
                && await Mistake.Replace(ctx, 200, JsonSerializer.Serialize(todo, JsonSerializerOptions.Web))),
            "createTodo", "getTodo");

        var failure = Failed(report, CrossIdentityProbe.KindId).Single().Finding;
        Assert.That(failure.Title, Is.EqualTo(StatusIsExpected.BolaTitle));
        Assert.That(failure.Message, Does.Match(@"^BROKEN OBJECT-LEVEL AUTHORIZATION: the other identity's GET of /todos/\d+, an item of the main identity, was answered 200"));
        Assert.That(Failed(report, HideExistenceProbe.KindId).Single().Finding.Title, Is.EqualTo(StatusIsExpected.BolaTitle), "hide-existence (as other) sees it too");
        Assert.That(report.Alarms, Has.Some.StartsWith("BROKEN OBJECT-LEVEL AUTHORIZATION on 1 operation(s): GET /todos/{id}"));
        Assert.That(left, Is.Zero);
    }

    [Test]
    public async Task OtherUserDeletesAnItem_IsReportedAndTheCleanUpKnowsItIsGone()
    {
        var (report, left) = await RunAsync(
            Mistake.Request(async ctx =>
            {
                if (ctx.Request.Method != "DELETE" || !IsBob(ctx) || ItemId(ctx) is not { } id)
                {
                    return false;
                }

                ctx.RequestServices.GetRequiredService<TodoStore>().Remove(id);
                ctx.Response.StatusCode = 204;
                ctx.Response.Headers["X-Request-Id"] = "mistake";
                await Task.CompletedTask;
                return true;
            }),
            "createTodo", "deleteTodo");

        var failures = Failed(report, CrossIdentityProbe.KindId).Select(r => r.Finding).ToList();
        Assert.That(failures.Select(f => f.Title), Is.EquivalentTo(new[] { StatusIsExpected.BolaTitle, "Item gone after another identity's request" }));
        Assert.That(failures.Single(f => f.Title == StatusIsExpected.BolaTitle).Message, Does.Contain("the other identity's DELETE of /todos/").And.Contain("was answered 204"));
        Assert.That(report.Cleanup.Where(c => !c.Deleted), Is.Empty);
        Assert.That(report.Cleanup.Select(c => c.Item.Id), Is.Unique);
        Assert.That(report.Deleted, Is.EqualTo(report.Created), "what bob deleted counts as gone, not as left behind");
        Assert.That(left, Is.Zero);
    }

    [Test]
    public async Task ReadOnlyUsersWriteRefusedWith401_IsNot403()
    {
        var (report, _) = await RunAsync(
            Mistake.Answer((ctx, status, _) =>
            {
                if (status != 403 || !IsCarol(ctx))
                {
                    return Task.FromResult(false);
                }

                ctx.Response.Headers.WWWAuthenticate = "Bearer realm=\"todos\"";
                return Mistake.Replace(ctx, 401, "{\"title\":\"Unauthorized\",\"status\":401}", TodoApp.ProblemJson);
            }),
            "createTodo", "updateTodo", "deleteTodo");

        var failures = Failed(report, InsufficientPermissionProbe.KindId).Where(r => r.Finding.Check == StatusIsExpected.CheckId).ToList();
        Assert.That(failures.Select(r => r.Probe.Operation.OperationId), Is.EquivalentTo(new[] { "createTodo", "updateTodo", "deleteTodo" }));
        Assert.That(failures.Select(r => r.Finding.Title), Is.All.EqualTo("401 for valid credentials"));
        Assert.That(report.Alarms, Is.Empty, "a refusal with the wrong status is no escalation");
    }

    [Test]
    public async Task ReadOnlyUsersWriteAccepted_IsAPrivilegeEscalation_AndTheItemReadBackChanged()
    {
        var (report, left) = await RunAsync(
            Mistake.Request(ctx =>
            {
                // The reader's role is never checked: her writes go through as the owner's.
                if (IsCarol(ctx) && ctx.Request.Method != "GET")
                {
                    ctx.Request.Headers.Authorization = "Bearer " + TodoApiOptions.DefaultToken;
                }

                return Task.FromResult(false);
            }),
            "createTodo", "updateTodo", "deleteTodo");

        var failures = Failed(report, InsufficientPermissionProbe.KindId);
        Assert.That(failures.Where(r => r.Finding.Title == StatusIsExpected.EscalationTitle).Select(r => r.Probe.Operation.OperationId), Is.EquivalentTo(new[] { "createTodo", "updateTodo", "deleteTodo" }));
        Assert.That(failures.Single(r => r.Finding.Check == ReadMatchesCreate.CheckId).Finding.Message, Does.StartWith("GET /todos/{id} read back by its owner after the limited identity's PUT (answered 200)"));
        Assert.That(report.Alarms, Has.Some.StartsWith("PRIVILEGE ESCALATION on 3 operation(s): POST /todos, PUT /todos/{id}, DELETE /todos/{id}"));
        Assert.That(Failed(report, CrossIdentityProbe.KindId), Is.Empty, "bob is still kept out");
        Assert.That(left, Is.Zero, "the todo carol was wrongly allowed to create is deleted too");
    }
}
