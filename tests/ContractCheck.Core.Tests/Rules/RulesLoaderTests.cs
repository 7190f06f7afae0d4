using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;
using ContractCheck.Tests;

namespace ContractCheck.Core.Tests.Rules;

public class RulesLoaderTests
{
    private static RulesLoader Loader(Dictionary<string, string>? env = null) =>
        new(Defaults.Vocabulary, name => env is not null && env.TryGetValue(name, out var v) ? v : null);

    private static ContractCheckException Error(string yaml, Dictionary<string, string>? env = null) =>
        Assert.Throws<ContractCheckException>(() => Loader(env).LoadText(yaml, "rules.yaml"))!;

    [Test]
    public void Load_NoFile_AppliesTheBuiltInSets()
    {
        var rules = Loader().Load(null);

        Assert.That(rules.Sources, Is.EqualTo(new[] { "builtin:http", "builtin:rest", "builtin:security" }));
        Assert.That(rules.Responses.Select(r => r.Check), Does.Contain("required-headers").And.Contain("no-leak").And.Contain("empty-body"));
        Assert.That(rules.Expect.Find("happy-path", "create")!.Select(s => s.ToString()), Is.EqualTo(new[] { "201" }));
    }

    [Test]
    public void Load_ExplicitExtends_UsesOnlyThose()
    {
        var rules = Loader().LoadText("extends: [builtin:http]\n", "rules.yaml");

        Assert.That(rules.Sources, Is.EqualTo(new[] { "builtin:http", "rules.yaml" }));
        Assert.That(rules.Responses.Any(r => r.Check == "no-leak"), Is.False);
    }

    [Test]
    public void Load_FullExample_ReadsEverySection()
    {
        var yaml = """
            extends: [builtin:http, builtin:rest, builtin:security]
            auth:
              bearer: ${API_TOKEN}
            errors:
              schema: "#/components/schemas/Error"
              contentTypes: [application/json, application/problem+json]
            conventions:
              validationStatus: 422
              hideExistence: false
              maxResponseMs: 2000
            rateLimit:
              - operation: listItems
                requests: 150
                within: 2s
                concurrency: 16
            probes:
              happy-path: {enabled: true}
            operations:
              createItem:
                body: {sku: "sku-{{uuid}}", name: Widget, price: 10}
                expect: {happy-path: 200}
              "GET /items/{id}":
                params: {id: 42}
            responses:
              - status: 2xx
                require: {headers: [X-Request-Id]}
            skip: ["DELETE /admin/**"]
            checks: {response-time: off}
            strict: true
            """;

        var rules = Loader(new() { ["API_TOKEN"] = "s3cr3t-token" }).LoadText(yaml, "rules.yaml");

        Assert.That(rules.Auth.Bearer, Is.EqualTo("s3cr3t-token"));
        Assert.That(rules.Auth.SecretValues(), Does.Contain("s3cr3t-token").And.Contain("Bearer s3cr3t-token"));
        Assert.That(rules.Errors.SchemaRef, Is.EqualTo("#/components/schemas/Error"));
        Assert.That(rules.Conventions, Is.EqualTo(new Conventions([422], false, 2000)).Using<Conventions>((a, b) => a.ValidationStatus.SequenceEqual(b.ValidationStatus) && a.MaxResponseMs == b.MaxResponseMs && a.HideExistence == b.HideExistence));
        Assert.That(rules.RateLimits.Single().Within, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(rules.Operations, Has.Count.EqualTo(2));
        Assert.That(rules.Responses[^1].Check, Is.EqualTo(ResponseRule.DefaultCheck));
        Assert.That(rules.Responses[^1].Location.ToString(), Is.EqualTo("rules.yaml:25:5"));
        Assert.That(rules.IsCheckEnabled("response-time"), Is.False);
        Assert.That(rules.Strict, Is.True);
    }

    [Test]
    public void Load_UnknownTopLevelKey_SuggestsTheRightOne()
    {
        var e = Error("conventons:\n  maxResponseMs: 10\n");

        Assert.That(e.Location!.ToString(), Is.EqualTo("rules.yaml:1:1"));
        Assert.That(e.Message, Is.EqualTo("unknown key 'conventons' in the rules file"));
        Assert.That(e.Hint, Is.EqualTo("did you mean 'conventions'?"));
    }

    [TestCase("conventions:\n  maxResponseMs: fast\n", "rules.yaml:2:18", "must be a whole number")]
    [TestCase("conventions:\n  validationStatus: 418\n", "rules.yaml:2:21", "must be 400, 422 or [400, 422]")]
    [TestCase("strict: maybe\n", "rules.yaml:1:9", "must be true or false")]
    [TestCase("responses:\n  - status: 201\n    require: {headers: [Location]}\n    check: required-header\n", "rules.yaml:4:12", "unknown check 'required-header'")]
    [TestCase("responses:\n  - status: 9xx\n    require: {body: empty}\n", "rules.yaml:2:13", "'9xx' is not a status code")]
    [TestCase("responses:\n  - status: 500\n    forbid: {bodyMatches: ['(unclosed']}\n", "rules.yaml:3:28", "is not a valid regular expression")]
    [TestCase("responses:\n  - status: 500\n", "rules.yaml:2:5", "needs 'require' or 'forbid'")]
    [TestCase("responses: {status: 500}\n", "rules.yaml:1:12", "must be a list")]
    [TestCase("probes:\n  happy-pth: off\n", "rules.yaml:2:3", "unknown probe 'happy-pth'")]
    [TestCase("checks:\n  no-leaks: off\n", "rules.yaml:2:3", "unknown check 'no-leaks'")]
    [TestCase("auth:\n  bearer: ${NOPE}\n", "rules.yaml:2:11", "environment variable NOPE is not set")]
    [TestCase("auth:\n  header: {name: X-Key}\n", "rules.yaml:2:11", "auth.header needs 'value'")]
    [TestCase("rateLimit:\n  - operation: list\n    requests: 10\n    within: soon\n", "rules.yaml:4:13", "is not a duration")]
    [TestCase("rateLimit:\n  - operation: list\n    requests: 100001\n    within: 1s\n", "rules.yaml:3:15", "rateLimit.requests must be between 1 and 100000")]
    [TestCase("extends: [builtin:htp]\n", "rules.yaml:1:11", "no built-in rules set 'builtin:htp'")]
    [TestCase("operations:\n  getItem:\n    parms: {id: 1}\n", "rules.yaml:3:5", "unknown key 'parms'")]
    [TestCase("responses:\n  - status: 200\n    require: {json: {'$.a..b': 1}}\n", "rules.yaml:3:22", "is not a JSON path")]
    [TestCase("probes:\n  invalid-body: {maxCases: many}\n", "rules.yaml:2:28", "probes.invalid-body.maxCases must be a whole number")]
    [TestCase("probes:\n  invalid-body: {formats: sometimes}\n", "rules.yaml:2:27", "probes.invalid-body.formats must be true or false")]
    [TestCase("probes:\n  wrong-method: {ignoreMethods: [HEAD, FETCH]}\n", "rules.yaml:2:40", "'FETCH' is not an HTTP method")]
    [TestCase("probes:\n  wrong-method: {retries: 2}\n", "rules.yaml:2:18", "unknown key 'retries' in probes.wrong-method")]
    [TestCase("probes:\n  unacceptable-accept: {strict: sometimes}\n", "rules.yaml:2:33", "probes.unacceptable-accept.strict must be true or false")]
    [TestCase("probes:\n  head-matches-get: {strict: true}\n", "rules.yaml:2:22", "unknown key 'strict' in probes.head-matches-get")]
    [TestCase("expect:\n  conditional-write: {no-if-mach: 428}\n", "rules.yaml:2:23", "unknown key 'no-if-mach'")]
    public void Load_BadInput_OneErrorWithFileLineColumn(string yaml, string place, string message)
    {
        var e = Error(yaml);

        Assert.That(e.Location!.ToString(), Is.EqualTo(place));
        Assert.That(e.Message, Does.Contain(message));
    }

    [Test]
    public void Load_EnvDefault_UsedWhenVariableIsMissing()
    {
        var rules = Loader().LoadText("auth:\n  bearer: ${TOKEN:-fallback}\nconventions:\n  maxResponseMs: ${MS:-1500}\n", "rules.yaml");

        Assert.That(rules.Auth.Bearer, Is.EqualTo("fallback"));
        Assert.That(rules.Conventions.MaxResponseMs, Is.EqualTo(1500));
    }

    [Test]
    public void Load_EscapedDollar_StaysLiteral()
    {
        var rules = Loader().LoadText("auth:\n  bearer: a$${b}\n", "rules.yaml");

        Assert.That(rules.Auth.Bearer, Is.EqualTo("a${b}"));
    }

    [Test]
    public void Validate_UnknownOperation_SuggestsTheClosestOne()
    {
        var spec = new SpecLoader().Load(Repository.Path("examples", "TodoApi", "openapi.yaml"));
        var rules = Loader().LoadText("operations:\n  createTodos:\n    body: {title: x}\n", "rules.yaml");

        var e = Assert.Throws<ContractCheckException>(() => rules.Validate(spec))!;

        Assert.That(e.Location!.ToString(), Is.EqualTo("rules.yaml:2:3"));
        Assert.That(e.Hint, Is.EqualTo("did you mean 'createTodo'?"));
    }

    [Test]
    public void Validate_UnknownDuplicateCreateOperation_IsAnErrorAtItsPlace()
    {
        var spec = new SpecLoader().Load(Repository.Path("examples", "TodoApi", "openapi.yaml"));
        var rules = Loader().LoadText("probes:\n  duplicate-create:\n    operations: [createTodos]\n", "rules.yaml");

        var e = Assert.Throws<ContractCheckException>(() => rules.Validate(spec))!;

        Assert.That(e.Location!.ToString(), Is.EqualTo("rules.yaml:3:18"));
        Assert.That(e.Hint, Is.EqualTo("did you mean 'createTodo'?"));
    }

    [Test]
    public void Validate_PatternMatchingNothing_IsAccepted()
    {
        var spec = new SpecLoader().Load(Repository.Path("examples", "TodoApi", "openapi.yaml"));
        var rules = Loader().LoadText("skip: ['DELETE /admin/**']\n", "rules.yaml");

        Assert.DoesNotThrow(() => rules.Validate(spec));
    }

    [Test]
    public void Load_ExtendsFile_MergesRelativeToTheIncludingFile()
    {
        var dir = Directory.CreateTempSubdirectory("cc-rules-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "team.yaml"), "conventions:\n  maxResponseMs: 700\n");
            File.WriteAllText(Path.Combine(dir, "contractcheck.yaml"), "extends: [builtin:http, team.yaml]\nconventions:\n  hideExistence: true\n");

            var rules = Loader().Load(Path.Combine(dir, "contractcheck.yaml"));

            Assert.That(rules.Conventions.MaxResponseMs, Is.EqualTo(700));
            Assert.That(rules.Conventions.HideExistence, Is.True);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void BuiltInSets_AreShippedFromTheRulesFolder()
    {
        var files = Directory.GetFiles(Repository.Path("rules"), "*.yaml").Select(f => "builtin:" + Path.GetFileNameWithoutExtension(f)).Order();

        Assert.That(BuiltInRuleSets.Names, Is.EqualTo(files));
    }
}
