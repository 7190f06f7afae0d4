using System.Text;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;
using ContractCheck.Tests;

namespace ContractCheck.Core.Tests.Probes;

public class PlannerTests
{
    private static readonly ApiSpec Todo = new SpecLoader().Load(Repository.Path("examples", "TodoApi", "openapi.yaml"));

    private static RuleSet TodoRules(string token = "t0ken-value") =>
        new RulesLoader(Defaults.Vocabulary, n => n == "TODO_API_TOKEN" ? token : null).Load(Repository.Path("examples", "TodoApi", "contractcheck.yaml"));

    private static RuleSet BuiltIn => new RulesLoader(Defaults.Vocabulary).Load(null);

    private static Plan HappyPath(ApiSpec spec, RuleSet rules, PlanOptions options) => Planner.Build(spec, rules, options, [new HappyPathProbe()]);

    [Test]
    public void Build_Todo_CreatesFirstDeletesLast()
    {
        var plan = HappyPath(Todo, TodoRules(), PlanOptions.Default with { Seed = 1 });

        Assert.That(plan.Probes.Select(p => p.Operation.OperationId), Is.EqualTo(new[] { "createTodo", "createTag", "health", "listTodos", "stats", "getTodo", "getTag", "login", "updateTodo", "deleteTodo", "deleteTag" }));
    }

    [Test]
    public void Build_ItemOperations_UseTheIdOfTheCreatedTodo()
    {
        var plan = HappyPath(Todo, TodoRules(), PlanOptions.Default);

        var create = plan.Probes.Single(p => p.Operation.OperationId == "createTodo");
        var get = plan.Probes.Single(p => p.Operation.OperationId == "getTodo").Requests.Single();
        Assert.That(create.Creates, Is.EqualTo("/todos/{}"));
        Assert.That(get.PathValues["id"].Binding, Is.EqualTo("/todos/{}"));
    }

    [Test]
    public void Build_CreateBody_ComesFromTheRulesWithTemplatesFilled()
    {
        var plan = HappyPath(Todo, TodoRules(), PlanOptions.Default with { Seed = 3 });

        var body = Encoding.UTF8.GetString(plan.Probes[0].Requests[0].Body!);
        Assert.That(body, Does.Match("^\\{\"title\":\"Write the report [0-9a-f-]{36}\",\"done\":false\\}$"));
        Assert.That(plan.Probes[0].Requests[0].ContentType, Is.EqualTo("application/json"));
    }

    [Test]
    public void Build_SameSeed_SameRequests_OtherSeed_OtherValues()
    {
        string Bodies(int seed) => string.Join("|", HappyPath(Todo, TodoRules(), PlanOptions.Default with { Seed = seed })
            .Probes.SelectMany(p => p.Requests).Select(r => r.Method + r.PreviewPath + Encoding.UTF8.GetString(r.Body ?? [])));

        Assert.That(Bodies(42), Is.EqualTo(Bodies(42)));
        Assert.That(Bodies(42), Is.Not.EqualTo(Bodies(43)));
    }

    [Test]
    public void Build_SecuredOperations_CarryTheRulesCredentials()
    {
        var plan = HappyPath(Todo, TodoRules("abc123"), PlanOptions.Default);

        var headers = plan.Probes.Single(p => p.Operation.OperationId == "listTodos").Requests[0].Headers;
        Assert.That(headers, Does.Contain(new KeyValuePair<string, string>("Authorization", "Bearer abc123")));
        Assert.That(headers, Does.Contain(new KeyValuePair<string, string>("Accept", "application/json, application/problem+json")), "the media types of the documented answers, success first");
    }

    [Test]
    public void Build_ExtraHeaders_ReplaceEarlierOnes()
    {
        var plan = HappyPath(Todo, TodoRules(), PlanOptions.Default with { ExtraHeaders = [new("Authorization", "Bearer from-cli")] });

        var headers = plan.Probes[0].Requests[0].Headers.Where(h => h.Key == "Authorization").ToList();
        Assert.That(headers.Single().Value, Is.EqualTo("Bearer from-cli"));
    }

    [Test]
    public void Build_IncludeExcludeAndSkip_LeaveOperationsOut()
    {
        var rules = new RulesLoader(Defaults.Vocabulary).LoadText("skip: [health]\n", "r.yaml");
        var options = PlanOptions.Default with { Include = [OperationSelector.Parse("* /todos**")], Exclude = [OperationSelector.Parse("DELETE /todos/{id}")] };

        var plan = HappyPath(Todo, rules, options);

        Assert.That(plan.Probes.Select(p => p.Operation.OperationId), Is.EquivalentTo(new[] { "listTodos", "createTodo", "getTodo", "updateTodo" }));
        Assert.That(plan.SkippedOperations.Select(o => o.OperationId), Is.EquivalentTo(new[] { "health", "login", "deleteTodo", "createTag", "getTag", "deleteTag", "stats" }));
    }

    [Test]
    public void Build_Parameters_RequiredOnesAndRulesValuesAreSent()
    {
        var spec = new SpecLoader().Load("""
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /search/{kind}:
                get:
                  parameters:
                    - {name: kind, in: path, required: true, schema: {type: string, enum: [books, films]}}
                    - {name: q, in: query, required: true, schema: {type: string, minLength: 12}}
                    - {name: page, in: query, schema: {type: integer}}
                    - {name: X-Tenant, in: header, required: true, schema: {type: string}, example: acme}
                    - {name: session, in: cookie, required: true, schema: {type: string, format: uuid}}
                  responses: {'200': {description: ok}}
            """, "s.yaml");
        var rules = new RulesLoader(Defaults.Vocabulary).LoadText("operations:\n  \"GET /search/{kind}\":\n    params: {page: 3}\n", "r.yaml");

        var request = HappyPath(spec, rules, PlanOptions.Default).Probes.Single().Requests.Single();

        Assert.That(request.PreviewPath, Is.EqualTo("/search/books"));
        Assert.That(request.Query.Select(q => q.Key), Is.EqualTo(new[] { "q", "page" }));
        Assert.That(request.Query[0].Value, Has.Length.GreaterThanOrEqualTo(12));
        Assert.That(request.Query[1].Value, Is.EqualTo("3"));
        Assert.That(request.Headers, Does.Contain(new KeyValuePair<string, string>("X-Tenant", "acme")));
        Assert.That(request.Headers.Single(h => h.Key == "Cookie").Value, Does.Match("^session=[0-9a-f-]{36}$"));
        Assert.That(request.PathValues["kind"].Origin, Is.EqualTo(ValueOrigin.Example));
    }

    [Test]
    public void Build_SpecWithoutSuccessStatus_UsesTheTableByMethod()
    {
        var spec = new SpecLoader().Load("""
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /pets:
                post: {responses: {default: {description: any}}}
                get: {responses: {default: {description: any}}}
              /pets/{id}:
                parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
                delete: {responses: {default: {description: any}}}
                put: {responses: {default: {description: any}}}
            """, "s.yaml");

        var plan = HappyPath(spec, BuiltIn, PlanOptions.Default);

        var expected = plan.Probes.ToDictionary(p => p.Operation.Key, p => p.Expected!.ToString());
        Assert.That(expected["POST /pets"], Is.EqualTo("201"));
        Assert.That(expected["GET /pets"], Is.EqualTo("200"));
        Assert.That(expected["DELETE /pets/{id}"], Is.EqualTo("204"));
        Assert.That(expected["PUT /pets/{id}"], Is.EqualTo("200 or 204"));
        Assert.That(plan.Probes.Single(p => p.Operation.Key == "POST /pets").Expected!.Source, Is.EqualTo("the rules table expect.happy-path.create"));
    }

    [Test]
    public void Build_RulesOverride_WinsOverTheSpec()
    {
        var rules = new RulesLoader(Defaults.Vocabulary).LoadText("operations:\n  createTodo:\n    expect: {happy-path: 200}\n", "r.yaml");

        var plan = HappyPath(Todo, rules, PlanOptions.Default);

        Assert.That(plan.Probes.Single(p => p.Operation.OperationId == "createTodo").Expected!.ToString(), Is.EqualTo("200"));
    }

    [Test]
    public void DesignReview_SpecContradictingTheTables_Warns()
    {
        var spec = new SpecLoader().Load("""
            openapi: 3.0.3
            info: {title: t, version: '1'}
            security: [{key: []}]
            paths:
              /pets:
                post:
                  operationId: addPet
                  responses: {'200': {description: ok}, '401': {description: no}}
              /pets/{id}:
                parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
                delete:
                  operationId: deletePet
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: object}}}}
            components:
              securitySchemes:
                key: {type: apiKey, in: header, name: X-Key}
            """, "s.yaml");

        var warnings = HappyPath(spec, BuiltIn, PlanOptions.Default).DesignWarnings;

        Assert.That(warnings.Select(w => $"{w.Operation?.OperationId}: {w.Message}"), Is.EquivalentTo(new[]
        {
            "addPet: creates an item of /pets but documents 200, not 201 Created with a Location",
            "deletePet: answers a DELETE with 200 and a body; the table expects 204 No Content",
            "deletePet: requires credentials but documents no 401 response for a request without them",
        }));
    }

    [Test]
    public void DesignReview_TodoApi_HasNoWarnings()
    {
        Assert.That(HappyPath(Todo, TodoRules(), PlanOptions.Default).DesignWarnings, Is.Empty);
    }
}
