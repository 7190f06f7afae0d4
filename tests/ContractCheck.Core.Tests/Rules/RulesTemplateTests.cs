using System.Text.Json.Nodes;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;
using ContractCheck.Core.Tests.Spec;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Core.Yaml;
using ContractCheck.Tests;

namespace ContractCheck.Core.Tests.Rules;

/// <summary>
/// <c>contractcheck init</c>'s rules file says what the spec says. (That it loads, validates and plans for every corpus
/// spec is checked where each corpus spec is loaded once: <see cref="CorpusTests"/>.)
/// </summary>
public class RulesTemplateTests
{
    [Test]
    public void Init_Todo_SaysWhatTheSpecSaysAndListsEveryKey()
    {
        var spec = new SpecLoader().Load(Repository.Path("examples", "TodoApi", "openapi.yaml"));

        var text = RulesTemplate.Write(spec, "openapi.yaml", "http://127.0.0.1:5080");

        Assert.That(text, Does.Contain("\nauth:").And.Contain("\n  bearer: ${TODO_API_TOKEN}\n"));
        Assert.That(text, Does.Contain("\nerrors:").And.Contain("\n  schema: \"#/components/schemas/Problem\"\n  contentTypes: [application/problem+json]\n"));
        Assert.That(text, Does.Contain("document 409: createTodo"));
        Assert.That(text, Does.Contain("# Run: contractcheck run --spec openapi.yaml --base-url http://127.0.0.1:5080\n"));
        var root = RulesKeys.Root(Defaults.Vocabulary);
        var expected = root.Names.Concat(RulesKeys.Conventions.Names).Concat(Defaults.Vocabulary.ProbeIds).Concat(Defaults.Vocabulary.CheckIds)
            .Concat(RulesKeys.Operation(Defaults.Vocabulary).Names).Concat(RulesKeys.ProbeOptions.Select(o => o.Name));
        Assert.That(expected.Where(k => !text.Contains($" {k}:", StringComparison.Ordinal) && !text.Contains($"\n{k}:", StringComparison.Ordinal)), Is.Empty, "every key is in the file, written out or commented out");
        var rules = Load(text, "secret-token");
        Assert.That(rules.Auth.Bearer, Is.EqualTo("secret-token"));
        Assert.That(rules.Errors.SchemaRef, Is.EqualTo("#/components/schemas/Problem"));
    }

    [TestCase("bearer", "{type: http, scheme: bearer}", "  bearer: ${SHOP_API_TOKEN}")]
    [TestCase("basic", "{type: http, scheme: basic}", "  basic: {username: \"${SHOP_API_USERNAME}\", password: \"${SHOP_API_PASSWORD}\"}")]
    [TestCase("header", "{type: apiKey, in: header, name: X-Api-Key}", "  header: {name: X-Api-Key, value: \"${SHOP_API_KEY}\"}")]
    [TestCase("query", "{type: apiKey, in: query, name: api_key}", "  query: {name: api_key, value: \"${SHOP_API_KEY}\"}")]
    [TestCase("cookie", "{type: apiKey, in: cookie, name: sid}", "  header: {name: Cookie, value: \"sid=${SHOP_API_KEY}\"}")]
    [TestCase("oauth2", "{type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://auth.example/token', scopes: {}}}}", "  bearer: ${SHOP_API_TOKEN}")]
    public void Init_SecurityScheme_BecomesTheAuthBlockWithPlaceholders(string name, string scheme, string line)
    {
        var spec = Spec($"components: {{securitySchemes: {{main: {scheme}}}}}\nsecurity: [{{main: []}}]");

        var text = RulesTemplate.Write(spec, "shop.yaml");

        Assert.That(text, Does.Contain("\nauth:").And.Contain("\n" + line));
        var rules = Load(text, "s3cret");
        Assert.That(rules.Auth.SecretValues(), Does.Contain(name == "cookie" ? "sid=s3cret" : "s3cret"));
    }

    [Test]
    public void Init_SeveralSchemes_WritesOutTheOneMostOperationsRequireAndCommentsTheOthers()
    {
        var spec = Spec("components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}, token: {type: http, scheme: bearer}}}\nsecurity: [{token: []}]");

        var text = RulesTemplate.Write(spec, "shop.yaml");

        Assert.That(text, Does.Contain("\n  bearer: ${SHOP_API_TOKEN_TOKEN}\n").And.Contain("\n  # header: {name: X-Key, value: \"${SHOP_API_KEY_KEY}\"}\n"));
    }

    [Test]
    public void Init_RateLimitExtensionOnARead_IsABurstPastTheLimit_A429OnAWriteIsCommentedOut()
    {
        var spec = Spec("", """
              get:
                operationId: listItems
                x-rate-limit: {limit: 100, period: 60s}
                responses: {'200': {description: ok}, '429': {description: slow down}}
              post:
                operationId: createItem
                responses: {'201': {description: made}, '429': {description: slow down}}
            """);

        var text = RulesTemplate.Write(spec, "shop.yaml");

        Assert.That(text, Does.Contain("\nrateLimit:").And.Contain("\n  - operation: listItems\n    requests: 150").And.Contain("    within: 1m\n"));
        Assert.That(text, Does.Contain("\n#   - operation: createItem\n"));
        var burst = Load(text).RateLimits.Single();
        Assert.That((burst.Requests, burst.Within, burst.ExpectStatus), Is.EqualTo((150, TimeSpan.FromMinutes(1), 429)));
    }

    [Test]
    public void Init_ErrorsOfSeveralShapes_LeavesTheErrorSchemaCommentedOut()
    {
        var spec = Spec("components: {schemas: {Error: {type: object}, Oops: {type: string}}}", """
              get:
                responses:
                  '200': {description: ok}
                  '404': {description: no, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
                  '400': {description: bad, content: {application/json: {schema: {$ref: '#/components/schemas/Oops'}}}}
            """);

        var text = RulesTemplate.Write(spec, "shop.yaml");

        Assert.That(text, Does.Contain("\n# errors:").And.Contain("\n#   schema: \"#/components/schemas/Error\"").And.Contain("1 of the 2"));
        Assert.That(Load(text).Errors.SchemaRef, Is.Null);
    }

    private static ApiSpec Spec(string extra, string? items = null) => new SpecLoader().Load(
        "openapi: 3.0.3\ninfo: {title: Shop API, version: '1'}\npaths:\n  /items:\n"
        + (items is null ? "    get:\n      operationId: listItems\n      responses: {'200': {description: ok}}\n" : string.Concat(items.Split('\n').Select(l => "  " + l + "\n"))) + extra + "\n",
        "shop.yaml",
        null);

    private static RuleSet Load(string text, string secret = "x") =>
        new RulesLoader(Defaults.Vocabulary, _ => secret).LoadText(text, "contractcheck.yaml");
}
