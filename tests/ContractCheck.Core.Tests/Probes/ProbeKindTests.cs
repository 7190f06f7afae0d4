using System.Text;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Tests.Probes;

/// <summary>Which operations each probe kind applies to, and what it sends — pure, no network.</summary>
public class ProbeKindTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        security: [{key: []}]
        paths:
          /things:
            get:
              operationId: listThings
              security: []
              responses: {'200': {description: ok}}
            post:
              operationId: createThing
              requestBody: {content: {application/json: {schema: {type: object, required: [name], properties: {name: {type: string}}}}}}
              responses: {'201': {description: made}, '409': {description: exists}}
          /things/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: integer, format: int32}}]
            get:
              operationId: getThing
              responses: {'200': {description: ok}, '404': {description: none}}
            put:
              operationId: putThing
              requestBody: {content: {'*/*': {schema: {type: object}}}}
              responses: {'200': {description: ok}, '201': {description: made}}
          /uploads:
            post:
              operationId: upload
              requestBody: {content: {text/plain: {schema: {type: string}}}}
              responses: {'200': {description: ok}}
          /colors/{color}:
            parameters: [{name: color, in: path, required: true, schema: {type: string, enum: [red, blue]}}]
            get:
              responses: {'200': {description: ok}}
        components:
          securitySchemes:
            key: {type: apiKey, in: header, name: X-Api-Key}
        """;

    private static readonly ApiSpec Things = new SpecLoader().Load(Spec, "things.yaml");

    private static Plan PlanWith(string rules = "auth:\n  header: {name: X-Api-Key, value: s3cret}\n") =>
        Planner.Build(Things, new RulesLoader(Defaults.Vocabulary).LoadText(rules, "r.yaml"), PlanOptions.Default);

    private static List<string> Where(Plan plan, string kind) => plan.Probes.Where(p => p.Kind == kind && p.SkipReason is null).Select(p => p.Operation.Key).Distinct().ToList();

    [Test]
    public void MissingAndInvalidAuth_OnlySecuredOperations()
    {
        var plan = PlanWith();

        Assert.That(Where(plan, "missing-auth"), Is.EquivalentTo(new[] { "POST /things", "GET /things/{id}", "PUT /things/{id}", "POST /uploads", "GET /colors/{color}" }), "all but the operation that opts out with security: []");
        Assert.That(Where(plan, "invalid-auth"), Is.EqualTo(Where(plan, "missing-auth")));
    }

    [Test]
    public void MissingAuth_StripsTheApiKey_InvalidAuth_SendsAWrongOne()
    {
        var plan = PlanWith();

        var missing = plan.Probes.First(p => p.Kind == "missing-auth").Requests[0];
        var invalid = plan.Probes.First(p => p.Kind == "invalid-auth").Requests[0];
        Assert.That(missing.Headers.Select(h => h.Key), Does.Not.Contain("X-Api-Key"));
        Assert.That(invalid.Headers.Single(h => h.Key == "X-Api-Key").Value, Does.StartWith("contractcheck-invalid-").And.Not.EqualTo("s3cret"));
    }

    [Test]
    public void BadJson_OnlyJsonBodies_AndTheBodyIsBroken()
    {
        var plan = PlanWith();

        var probe = plan.Probes.Single(p => p.Kind == "bad-json");
        Assert.That(probe.Operation.Key, Is.EqualTo("POST /things"));
        Assert.That(() => System.Text.Json.JsonDocument.Parse(probe.Requests[0].Body!), Throws.InstanceOf<System.Text.Json.JsonException>());
    }

    [TestCase("{\"name\":\"a}b\",\"tags\":[1,2,3]}")]
    [TestCase("[{\"a\":1},{\"b\":\"x\\\"]\"}]")]
    [TestCase("1234567890")]
    [TestCase("\"a quoted string\"")]
    [TestCase("{\"a\":1}          ")]
    [TestCase("true")]
    public void BadJson_Broken_IsNeverJson(string valid)
    {
        var broken = BadJsonProbe.Broken(Encoding.UTF8.GetBytes(valid));

        Assert.That(() => System.Text.Json.JsonDocument.Parse(broken), Throws.InstanceOf<System.Text.Json.JsonException>(), Encoding.UTF8.GetString(broken));
    }

    [Test]
    public void WrongContentType_SkipsOperationsThatTakeAnyType()
    {
        var plan = PlanWith();

        Assert.That(Where(plan, "wrong-content-type"), Is.EquivalentTo(new[] { "POST /things", "POST /uploads" }));
        Assert.That(plan.Probes.Single(p => p.Kind == "wrong-content-type" && p.Operation.Key == "POST /uploads").Requests[0].ContentType, Is.EqualTo("application/x-contractcheck-undeclared"));
    }

    [Test]
    public void DuplicateCreate_CreatesThatDocument409_OrThatTheRulesName()
    {
        Assert.That(Where(PlanWith(), "duplicate-create"), Is.EqualTo(new[] { "POST /things" }));
        Assert.That(Where(PlanWith("probes:\n  duplicate-create: {operations: [upload]}\n"), "duplicate-create"), Is.EqualTo(new[] { "POST /things" }), "upload is not a create of a collection");
        var probe = PlanWith().Probes.Single(p => p.Kind == "duplicate-create");
        Assert.That(probe.Requests, Has.Count.EqualTo(2));
        Assert.That(probe.Requests[0].Body, Is.EqualTo(probe.Requests[1].Body));
        Assert.That(probe.Requests[1].Requires, Is.EqualTo(Steps.Create), "the second is sent only if the first was accepted");
    }

    [Test]
    public void WrongMethod_EveryUndeclaredMethodOfEachPath_HeadAndOptionsLeftOut()
    {
        var plan = PlanWith();

        Assert.That(Where(plan, "wrong-method").Where(k => k.EndsWith(" /things", StringComparison.Ordinal)), Is.EquivalentTo(new[] { "TRACE /things" }));
        Assert.That(plan.Probes.Where(p => p.Kind == "wrong-method").All(p => p.Operation.IsUndeclared), Is.True);
        Assert.That(plan.Probes.Where(p => p.Kind == "wrong-method" && p.Operation.Path == "/things" && p.Operation.Method is "PUT" or "DELETE" or "PATCH"), Is.Empty, "PUT, PATCH and DELETE on a collection could change data the run did not create: never tried");
    }

    [Test]
    public void WrongMethod_IgnoreMethods_IsTunable()
    {
        var plan = PlanWith("probes:\n  wrong-method: {ignoreMethods: [TRACE, PATCH]}\n");

        Assert.That(Where(plan, "wrong-method").Where(k => k.EndsWith(" /things", StringComparison.Ordinal)), Is.EquivalentTo(new[] { "HEAD /things", "OPTIONS /things" }));
    }

    [Test]
    public void NotFound_ItemOperations_NotUpsertingPutsNorEnumIds()
    {
        var plan = PlanWith();

        Assert.That(Where(plan, "not-found"), Is.EqualTo(new[] { "GET /things/{id}" }));
        var id = plan.Probes.Single(p => p.Kind == "not-found").Requests[0].PathValues["id"].Text;
        Assert.That(long.Parse(id), Is.LessThanOrEqualTo(int.MaxValue), "an int32 id stays an int32");
    }

    [TestCase("{type: integer, maximum: 1000}", "maximum 1000")]
    [TestCase("{type: integer, format: int64, minimum: 1, maximum: 99999}", "maximum 99999")]
    [TestCase("{type: string, pattern: '^[a-z]{3}$'}", "pattern ^[a-z]{3}$")]
    [TestCase("{type: string, maxLength: 6}", "maxLength 6")]
    public void NotFound_IdFromASmallSpace_IsSkippedForEveryMethod(string schema, string constraint)
    {
        var spec = new SpecLoader().Load("""
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /boxes/{id}:
                parameters: [{name: id, in: path, required: true, schema: SCHEMA}]
                get: {responses: {'200': {description: ok}, '404': {description: none}}}
                delete: {responses: {'204': {description: gone}, '404': {description: none}}}
            """.Replace("SCHEMA", schema, StringComparison.Ordinal), "boxes.yaml");
        var plan = Planner.Build(spec, new RulesLoader(Defaults.Vocabulary).LoadText("", "r.yaml"), PlanOptions.Default);

        var probes = plan.Probes.Where(p => p.Kind == "not-found").ToList();
        Assert.That(probes.Select(p => p.Operation.Method), Is.EquivalentTo(new[] { "GET", "DELETE" }));
        Assert.That(probes.All(p => p.Requests.Count == 0), Is.True, "a value that might name a real item is never sent: DELETE could remove it, and a 200 would be a false alarm");
        Assert.That(probes.Select(p => p.SkipReason), Has.All.Contains(constraint).And.All.Contains("small space"));
    }

    [TestCase("{type: integer, format: int32}")]
    [TestCase("{type: integer, format: int64}")]
    [TestCase("{type: string, format: uuid}")]
    [TestCase("{type: string}")]
    [TestCase("{type: string, pattern: '^[a-f0-9]{24}$'}")]
    public void NotFound_IdFromALargeSpace_IsSent(string schema)
    {
        var spec = new SpecLoader().Load("""
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /boxes/{id}:
                parameters: [{name: id, in: path, required: true, schema: SCHEMA}]
                delete: {responses: {'204': {description: gone}, '404': {description: none}}}
            """.Replace("SCHEMA", schema, StringComparison.Ordinal), "boxes.yaml");
        var plan = Planner.Build(spec, new RulesLoader(Defaults.Vocabulary).LoadText("", "r.yaml"), PlanOptions.Default);

        var probe = plan.Probes.Single(p => p.Kind == "not-found");
        Assert.That(probe.SkipReason, Is.Null);
        Assert.That(probe.Requests.Single().PathValues["id"].Origin, Is.EqualTo(ValueOrigin.Missing));
    }

    [Test]
    public void HideExistence_IsOptIn()
    {
        Assert.That(Where(PlanWith(), "hide-existence"), Is.Empty);
        Assert.That(Where(PlanWith("conventions: {hideExistence: true}\n"), "hide-existence"), Is.EqualTo(new[] { "GET /things/{id}" }));
    }

    [Test]
    public void InvalidBody_OneProbePerBrokenRule_ExpectingTheValidationStatus()
    {
        var probes = PlanWith("conventions: {validationStatus: 422}\n").Probes.Where(p => p.Kind == "invalid-body").ToList();

        Assert.That(probes.Select(p => p.Label), Is.EquivalentTo(new[] { "the body is a list instead of an object", "required property 'name' removed", "'name' has the wrong type (a number instead of string)" }));
        Assert.That(probes.Select(p => p.Expected!.ToString()).Distinct(), Is.EqualTo(new[] { "422" }));
        Assert.That(Encoding.UTF8.GetString(probes.Single(p => p.Label!.StartsWith("required", StringComparison.Ordinal)).Requests[0].Body!), Is.EqualTo("{}"));
    }

    [Test]
    public void Probes_SwitchedOff_AreNotPlanned()
    {
        var plan = PlanWith("probes:\n  wrong-method: off\n  invalid-body: {enabled: false}\n");

        Assert.That(plan.Probes.Select(p => p.Kind), Does.Not.Contain("wrong-method").And.Not.Contain("invalid-body"));
    }
}
