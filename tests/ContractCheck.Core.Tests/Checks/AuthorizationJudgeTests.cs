using System.Text;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;
using ContractCheck.Tests;

namespace ContractCheck.Core.Tests.Checks;

/// <summary>
/// How answers to other identities are judged (pure: exchanges as data): a 2xx to the other identity is broken
/// object-level authorization, to the limited one a privilege escalation, a 401 to valid credentials is no 403, and
/// the owner's read-back shows what another identity changed or deleted.
/// </summary>
public class AuthorizationJudgeTests
{
    private static readonly ApiSpec Todo = new SpecLoader().Load(Repository.Path("examples", "TodoApi", "openapi.yaml"));
    private static readonly RuleSet Rules = new RulesLoader(Defaults.Vocabulary, _ => null).Load(Repository.Path("examples", "TodoApi", "contractcheck.yaml"));
    private static readonly Plan Plan = Planner.Build(Todo, Rules, PlanOptions.Default with { Seed = 2 });

    private static Probe ProbeOf(string kind, string operation, string? label = null) =>
        Plan.Probes.Single(p => p.Kind == kind && p.Operation.OperationId == operation && p.Label == label);

    private static Exchange Answer(Probe probe, PlannedRequest planned, int status, string body = "", Exchange? previous = null)
    {
        var url = new Uri("http://127.0.0.1:5080" + planned.PreviewPath);
        var type = body.Length == 0 ? [] : new[] { new KeyValuePair<string, string>("Content-Type", status < 300 ? "application/json" : TodoApi.TodoApp.ProblemJson) };
        return new Exchange(probe, planned, new SentRequest(planned.Method, url, planned.Headers, planned.Body, planned.ContentType), new ReceivedResponse(status, null, "1.1", type, Encoding.UTF8.GetBytes(body), false), null, TimeSpan.FromMilliseconds(3)) { Previous = previous };
    }

    private static Finding Status(Probe probe, params Exchange[] exchanges) =>
        Judge.Run(new ProbeOutcome(probe, exchanges), Todo, Rules).Single(r => r.Finding.Check == StatusIsExpected.CheckId && r.Exchange == exchanges[^1]).Finding;

    private const string Todo1 = "{\"id\":1,\"title\":\"x\",\"done\":false,\"createdAt\":\"2026-01-01T00:00:00Z\"}";
    private const string Problem404 = "{\"title\":\"Not Found\",\"status\":404}";

    [TestCase(200, Outcome.Failed)]
    [TestCase(404, Outcome.Passed)]
    [TestCase(403, Outcome.Passed)]
    public void CrossIdentity_OtherIdentitysRead_2xxIsBrokenObjectLevelAuthorization(int status, Outcome outcome)
    {
        var probe = ProbeOf(CrossIdentityProbe.KindId, "getTodo");

        var finding = Status(probe, Answer(probe, probe.Requests[1], status, status == 200 ? Todo1 : Problem404));

        Assert.That(finding.Outcome, Is.EqualTo(outcome));
        if (outcome == Outcome.Failed)
        {
            Assert.That(finding.Title, Is.EqualTo(StatusIsExpected.BolaTitle));
            Assert.That(finding.Message, Does.StartWith("BROKEN OBJECT-LEVEL AUTHORIZATION: the other identity's GET of /todos/1, an item of the main identity, was answered 200 — an item is its owner's"));
        }
    }

    [Test]
    public void HideExistence_2xxAsOtherIsObjectLevel_2xxWithoutCredentialsIsABypass()
    {
        var asOther = ProbeOf(HideExistenceProbe.KindId, "getTodo", "as other");
        var anonymous = ProbeOf(HideExistenceProbe.KindId, "getTodo");

        Assert.That(Status(asOther, Answer(asOther, asOther.Requests[0], 200, Todo1)).Title, Is.EqualTo(StatusIsExpected.BolaTitle));
        Assert.That(Status(anonymous, Answer(anonymous, anonymous.Requests[0], 200, Todo1)).Title, Is.EqualTo(StatusIsExpected.BypassTitle));
        Assert.That(Status(asOther, Answer(asOther, asOther.Requests[0], 403, Problem404)).Message, Does.Contain("expected 401 or 404, got 403"));
    }

    [Test]
    public void InsufficientPermission_2xxIsAnEscalation_401IsNot403_403Passes()
    {
        var probe = ProbeOf(InsufficientPermissionProbe.KindId, "createTodo");
        var request = probe.Requests.Single();

        var accepted = Status(probe, Answer(probe, request, 201, Todo1));
        var unauthorized = Status(probe, Answer(probe, request, 401, Problem404));

        Assert.That(accepted.Title, Is.EqualTo(StatusIsExpected.EscalationTitle));
        Assert.That(accepted.Message, Does.StartWith("PRIVILEGE ESCALATION: the limited identity may not call POST /todos (it is not in identities.limited.may), and POST /todos was answered 201"));
        Assert.That(unauthorized.Title, Is.EqualTo("401 for valid credentials"));
        Assert.That(unauthorized.Message, Does.Contain("the limited identity's credentials are valid, and its POST was answered 401").And.Contain("RFC 9110 §15.5.4"));
        Assert.That(Status(probe, Answer(probe, request, 403, Problem404)).Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public void Permitted_RefusedWhatItMayDo_FailsAsAnUnexpectedStatus()
    {
        var probe = ProbeOf(PermittedProbe.KindId, "getTodo");

        var finding = Status(probe, Answer(probe, probe.Requests.Single(), 403, Problem404));

        Assert.That(finding.Title, Is.EqualTo("Unexpected status code"));
        Assert.That(finding.Message, Is.EqualTo("permitted on GET /todos/{id}: expected 200, got 403"));
    }

    [Test]
    public void ReadBack_ChangedOrGoneAfterAnotherIdentitysWrite_Fails()
    {
        var update = ProbeOf(CrossIdentityProbe.KindId, "updateTodo");
        var delete = ProbeOf(CrossIdentityProbe.KindId, "deleteTodo");
        var created = Answer(update, update.Requests[0], 201, Todo1);
        var refused = Answer(update, update.Requests[1], 404, Problem404, created);

        var changed = Judge.Run(new ProbeOutcome(update, [created, refused, Answer(update, update.Requests[2], 200, Todo1.Replace("\"x\"", "\"y\"", StringComparison.Ordinal), refused)]), Todo, Rules);
        var same = Judge.Run(new ProbeOutcome(update, [created, refused, Answer(update, update.Requests[2], 200, Todo1.Replace("\"x\"", ((JsonBody(update.Requests[0]))), StringComparison.Ordinal), refused)]), Todo, Rules);
        var deleted = Answer(delete, delete.Requests[1], 204, "", created);
        var gone = Status(delete, created, deleted, Answer(delete, delete.Requests[2], 404, Problem404, deleted));

        var change = changed.Single(r => r.Finding.Check == ReadMatchesCreate.CheckId).Finding;
        Assert.That(change.Title, Is.EqualTo("Item changed by another identity"));
        Assert.That(change.Message, Does.StartWith("GET /todos/{id} read back by its owner after the other identity's PUT (answered 404): 'title' is \"y\""));
        Assert.That(same.Single(r => r.Finding.Check == ReadMatchesCreate.CheckId).Finding.Outcome, Is.EqualTo(Outcome.Passed));
        Assert.That(gone.Title, Is.EqualTo("Item gone after another identity's request"));
        Assert.That(gone.Message, Does.Contain("after the other identity's DELETE (answered 204)"));
    }

    [Test]
    public void Alarms_NameEachGraveFindingOnceWithItsOperations()
    {
        var read = ProbeOf(CrossIdentityProbe.KindId, "getTodo");
        var write = ProbeOf(InsufficientPermissionProbe.KindId, "createTodo");
        var findings = new FindingLog(Redactor.None);
        foreach (var outcome in new[] { new ProbeOutcome(write, [Answer(write, write.Requests[0], 201, Todo1)]), new ProbeOutcome(read, [Answer(read, read.Requests[1], 200, Todo1)]) })
        {
            findings.Add(new ProbeResults(Plan.Probes.ToList().IndexOf(outcome.Probe), outcome, Judge.Run(outcome, Todo, Rules)));
        }

        Assert.That(Alarms.Of(findings.Findings), Is.EqualTo(new[]
        {
            "BROKEN OBJECT-LEVEL AUTHORIZATION on 1 operation(s): GET /todos/{id} served, changed or deleted an item of the main identity for another identity.",
            "PRIVILEGE ESCALATION on 1 operation(s): POST /todos accepted the limited identity outside its may list.",
        }));
    }

    [Test]
    public void ExpectedStatus_401WithAFetchedTokenNotFetchedAgain_SaysWhy()
    {
        var probe = ProbeOf(HappyPathProbe.KindId, "listTodos");

        var finding = Status(probe, Answer(probe, probe.Requests[0], 401, Problem404) with { TokenNote = "the token of auth.login was refused 2 request(s) and 0.1 s after it was fetched again" });

        Assert.That(finding.Message, Is.EqualTo("happy-path on GET /todos: expected 200, got 401 — the token of auth.login was refused 2 request(s) and 0.1 s after it was fetched again"));
    }

    // The title the create sent, as JSON ("\"Write the report …\""), so a read-back can return it unchanged.
    private static string JsonBody(PlannedRequest create) =>
        System.Text.Json.Nodes.JsonNode.Parse(create.Body!)!["title"]!.ToJsonString();
}
