using System.Text;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;
using ContractCheck.Tests;

namespace ContractCheck.Core.Tests.Probes;

/// <summary>What the plan sends as whom (pure): the authorization probes of the Todo API's identities, and what they never touch.</summary>
public class IdentityPlanTests
{
    private static readonly ApiSpec Todo = new SpecLoader().Load(Repository.Path("examples", "TodoApi", "openapi.yaml"));

    private static RuleSet Rules(string? text = null) =>
        new RulesLoader(Defaults.Vocabulary, _ => null).LoadText(text ?? File.ReadAllText(Repository.Path("examples", "TodoApi", "contractcheck.yaml")), "contractcheck.yaml");

    private static Plan PlanOf(RuleSet? rules = null, PlanOptions? options = null) => Planner.Build(Todo, rules ?? Rules(), options ?? PlanOptions.Default with { Seed = 4 });

    private static List<string> Operations(Plan plan, string kind) =>
        plan.Probes.Where(p => p.Kind == kind && p.SkipReason is null).Select(p => p.Operation.OperationId!).ToList();

    [Test]
    public void Build_TodoIdentities_PlanEachAuthorizationProbeWhereItApplies()
    {
        var plan = PlanOf();

        Assert.That(Operations(plan, CrossIdentityProbe.KindId), Is.EqualTo(new[] { "getTodo", "getTag", "updateTodo", "deleteTodo", "deleteTag" }));
        Assert.That(Operations(plan, InsufficientPermissionProbe.KindId), Is.EqualTo(new[] { "createTodo", "createTag", "updateTodo", "deleteTodo", "deleteTag" }), "outside may: [GET /**]");
        Assert.That(Operations(plan, PermittedProbe.KindId), Is.EqualTo(new[] { "listTodos", "getTodo", "getTag" }), "inside may; health, login and stats are public");
        Assert.That(plan.Probes.Where(p => p.Kind == HideExistenceProbe.KindId && p.Operation.OperationId == "getTodo").Select(p => p.DisplayName), Is.EqualTo(new[] { "hide-existence", "hide-existence (as other)" }));
    }

    [Test]
    public void Build_CrossIdentityOnUpdate_OwnItemCreatedByMainTriedByOtherReadBackByMain()
    {
        var probe = PlanOf().Probes.Single(p => p.Kind == CrossIdentityProbe.KindId && p.Operation.OperationId == "updateTodo");

        Assert.That(probe.Requests.Select(r => $"{r.Step} {r.Method} {r.PathTemplate} as {r.As}"), Is.EqualTo(new[]
        {
            "create POST /todos as main",
            "as-other PUT /todos/{id} as other",
            "read-back GET /todos/{id} as main",
        }));
        Assert.That(probe.Requests.Skip(1).Select(r => r.PathValues["id"].Binding), Is.All.EqualTo(probe.BindAs).And.All.Not.EqualTo("/todos/{}"), "its own item, never the one other probes share");
        Assert.That(probe.Requests[1].Headers, Does.Contain(new KeyValuePair<string, string>("Authorization", "Bearer {{token:other}}")));
        Assert.That(probe.Requests[1].Expect!.ToString(), Is.EqualTo("403 or 404"));
        Assert.That(probe.Creates, Is.EqualTo("/todos/{}"));
        Assert.That(probe.Shows, Is.EqualTo(Steps.AsOther));
    }

    [Test]
    public void Build_AnyPlan_SendsNothingUnsafeAsAnotherIdentityButCreatesAndItsOwnItems()
    {
        foreach (var plan in new[] { PlanOf(), PlanOf(Rules(File.ReadAllText(Repository.Path("examples", "TodoApi", "contractcheck.yaml")).Replace("may: [\"GET /**\"]", "may: [\"GET /**\", \"DELETE /todos/{id}\", updateTodo]", StringComparison.Ordinal))) })
        {
            foreach (var probe in plan.Probes.Where(p => p.SkipReason is null))
            {
                foreach (var request in probe.Requests.Where(r => r.As is IdentityNames.Other or IdentityNames.Limited && !Ownership.IsSafe(r.Method)))
                {
                    var isCreate = request.Method == "POST" && !PathTemplate.Parse(request.PathTemplate).EndsWithParameter;
                    var ownItem = request.PathValues.Values.LastOrDefault()?.Binding is { } binding && binding == probe.BindAs && probe.Requests[0].Step == Steps.Create;
                    Assert.That(isCreate || ownItem, Is.True, $"{probe.Name}: {request.Method} {request.PathTemplate} as {request.As}");
                }
            }
        }
    }

    [Test]
    public void Build_InsufficientPermission_ExpectsForbiddenAnd404OnItemsWhereExistenceIsHidden()
    {
        var plan = PlanOf();
        var create = plan.Probes.Single(p => p.Kind == InsufficientPermissionProbe.KindId && p.Operation.OperationId == "createTodo");
        var delete = plan.Probes.Single(p => p.Kind == InsufficientPermissionProbe.KindId && p.Operation.OperationId == "deleteTodo");

        Assert.That(create.Requests.Single().As, Is.EqualTo(IdentityNames.Limited));
        Assert.That(create.Expected!.ToString(), Is.EqualTo("403"));
        Assert.That(delete.Expected!.ToString(), Is.EqualTo("403 or 404"));
        Assert.That(delete.Requests.Select(r => r.Step), Is.EqualTo(new[] { Steps.Create, Steps.AsLimited, Steps.ReadBack }));
    }

    [Test]
    public void Build_NoIdentities_PlansNoAuthorizationProbeAndFetchesNoToken()
    {
        var plan = PlanOf(Rules("auth: {bearer: t}\nconventions: {hideExistence: true}\n"));

        Assert.That(plan.Probes.Where(p => p.Kind is CrossIdentityProbe.KindId or InsufficientPermissionProbe.KindId or PermittedProbe.KindId), Is.Empty);
        Assert.That(plan.Probes.Count(p => p.Kind == HideExistenceProbe.KindId), Is.EqualTo(2), "getTodo and getTag, as nobody");
        Assert.That(plan.Probes.SelectMany(p => p.Requests).Select(r => r.As).Distinct(), Is.SubsetOf(new[] { IdentityNames.Main, IdentityNames.None }));
        Assert.That(plan.Tokens, Is.Empty);
    }

    [Test]
    public void Build_LoginIdentity_PlansItsLoginAndOnlyWhenARequestNeedsIt()
    {
        var plan = PlanOf();
        var health = PlanOf(options: PlanOptions.Default with { Include = [OperationSelector.Parse("health")] });

        var fetch = plan.Tokens.Single();
        Assert.That(fetch.Identity, Is.EqualTo(IdentityNames.Other));
        Assert.That(fetch.Login!.Method + " " + fetch.Login.PathTemplate, Is.EqualTo("POST /login"));
        Assert.That(Encoding.UTF8.GetString(fetch.Login.Body!), Is.EqualTo("{\"username\":\"bob\",\"password\":\"bob-password\"}"));
        Assert.That(fetch.Login.Headers.Select(h => h.Key), Does.Not.Contain("Authorization"), "the login goes without credentials");
        Assert.That(health.Tokens, Is.Empty, "--include health sends nothing as the other identity: nobody logs in");
    }

    [Test]
    public void Build_LoginOperation_HappyPathSendsTheLoginsBody()
    {
        var happy = PlanOf().Probes.Single(p => p.Kind == HappyPathProbe.KindId && p.Operation.OperationId == "login");

        Assert.That(Encoding.UTF8.GetString(happy.Requests.Single().Body!), Is.EqualTo("{\"username\":\"bob\",\"password\":\"bob-password\"}"));
    }

    [Test]
    public void Build_ReadOnlyOrStateless_LeavesTheChainsOut()
    {
        var readOnly = PlanOf(options: PlanOptions.Default with { ReadOnly = true });
        var stateless = PlanOf(options: PlanOptions.Default with { Stateless = true });

        Assert.That(Operations(readOnly, CrossIdentityProbe.KindId), Is.Empty, "each chain creates an item");
        Assert.That(Operations(readOnly, PermittedProbe.KindId), Is.EqualTo(new[] { "listTodos", "getTodo", "getTag" }));
        Assert.That(Operations(stateless, CrossIdentityProbe.KindId).Concat(Operations(stateless, InsufficientPermissionProbe.KindId)), Is.Empty);
        Assert.That(stateless.Probes.First(p => p.Kind == InsufficientPermissionProbe.KindId).SkipReason, Does.Contain("cannot tell identities apart"));
    }
}
