using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;
using ContractCheck.Tests;

namespace ContractCheck.Core.Tests.Rules;

/// <summary>The rules' <c>auth</c> token sources and <c>identities</c>: read strictly, each mistake one error at its place.</summary>
public class IdentityRulesTests
{
    private static readonly Lazy<ApiSpec> Todo = new(() => new SpecLoader().Load(Repository.Path("examples", "TodoApi", "openapi.yaml")));

    private static RuleSet Load(string yaml, Dictionary<string, string>? env = null) =>
        new RulesLoader(Defaults.Vocabulary, name => env is not null && env.TryGetValue(name, out var v) ? v : null).LoadText(yaml, "rules.yaml");

    [Test]
    public void Load_Identities_ReadsEveryForm()
    {
        var rules = Load("""
            auth:
              login:
                operation: login
                body: {username: alice, password: "${ALICE_PASSWORD}"}
                token: /access_token
            identities:
              other:
                command: {run: "printf bob-token", timeout: 5s, header: X-Auth-Token}
              limited:
                bearer: reader-token
                may: ["GET /**", listTodos]
            """, new() { ["ALICE_PASSWORD"] = "pw-of-alice" });

        var login = (LoginSettings)rules.Auth.Token!;
        Assert.That(login.Operation.Text, Is.EqualTo("login"));
        Assert.That(login.Location.ToString(), Is.EqualTo("rules.yaml:2:3"), "errors of the login point at its key");
        Assert.That(login.TokenIn(System.Text.Json.Nodes.JsonNode.Parse("{\"access_token\":\"t-1\"}")), Is.EqualTo("t-1"));
        Assert.That(rules.Auth.Headers().Single(), Is.EqualTo(new KeyValuePair<string, string>("Authorization", "Bearer {{token:main}}")));
        Assert.That(rules.Auth.SecretValues(), Does.Contain("pw-of-alice").And.Not.Contain("alice"), "a password in the login body is a secret, the user name is not");
        var other = rules.Identities["other"];
        Assert.That(other.Auth.Token, Is.TypeOf<CommandSettings>());
        Assert.That(((CommandSettings)other.Auth.Token!).Timeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(other.Auth.Headers("other").Single(), Is.EqualTo(new KeyValuePair<string, string>("X-Auth-Token", "{{token:other}}")));
        Assert.That(rules.Identities["limited"].May.Select(m => m.Text), Is.EqualTo(new[] { "GET /**", "listTodos" }));
        Assert.That(rules.Identities["limited"].Permits(Todo.Value.Operations.Single(o => o.OperationId == "getTodo")), Is.True);
        Assert.That(rules.Identities["limited"].Permits(Todo.Value.Operations.Single(o => o.OperationId == "deleteTodo")), Is.False);
        Assert.DoesNotThrow(() => rules.Validate(Todo.Value));
    }

    [Test]
    public void Load_LoginSchemeAndHeader_SayHowTheTokenIsSent()
    {
        var rules = Load("auth:\n  login: {operation: login, token: $.access_token, scheme: Token}\nidentities:\n  other:\n    login: {operation: \"POST /login\", token: /t, header: Authorization}\n");

        Assert.That(rules.Auth.Token!.HeaderValue("abc"), Is.EqualTo("Token abc"));
        Assert.That(rules.Identities["other"].Auth.Token!.HeaderValue("abc"), Is.EqualTo("abc"), "a bare token in the header named");
    }

    [TestCase("identities:\n  others: {bearer: x}\n", "rules.yaml:2:3", "unknown key 'others' in identities", "did you mean 'other'?")]
    [TestCase("identities:\n  other: {bearr: x}\n", "rules.yaml:2:11", "unknown key 'bearr' in identities.other", "did you mean 'bearer'?")]
    [TestCase("identities:\n  other:\n", "rules.yaml:2:3", "identities.other has no credentials", "give it one of bearer, header, basic, query, login, oauth2, command")]
    [TestCase("identities:\n  limited: {may: [\"GET /**\"]}\n", "rules.yaml:2:12", "identities.limited has no credentials", null)]
    [TestCase("identities:\n  other: {bearer: x, may: [\"GET /**\"]}\n", "rules.yaml:2:27", "identities.other takes no 'may'", null)]
    [TestCase("identities:\n  limited: {bearer: x}\n", "rules.yaml:2:12", "identities.limited needs 'may'", null)]
    [TestCase("auth:\n  login: {operation: login}\n", "rules.yaml:2:10", "auth.login needs 'token'", null)]
    [TestCase("auth:\n  login: {token: /t}\n", "rules.yaml:2:10", "auth.login needs 'operation'", null)]
    [TestCase("auth:\n  login: {operation: login, token: access_token}\n", "rules.yaml:2:36", "'access_token' is not a JSON pointer or path", null)]
    [TestCase("auth:\n  login: {operation: 'POST /log*', token: /t}\n", "rules.yaml:2:22", "auth.login.operation 'POST /log*' is a pattern", null)]
    [TestCase("auth:\n  login: {operation: login, token: /t, tokn: x}\n", "rules.yaml:2:40", "unknown key 'tokn' in auth.login", "did you mean 'token'?")]
    [TestCase("auth:\n  login: {operation: login, token: /t, scheme: 'Bearer x'}\n", "rules.yaml:2:48", "is not a scheme word", null)]
    [TestCase("auth:\n  login: {operation: login, token: /t, header: 'X Token'}\n", "rules.yaml:2:48", "auth.login.header 'X Token' is not a header name", null)]
    [TestCase("auth:\n  login: {operation: login, token: /t, header: 'X(Token)'}\n", "rules.yaml:2:48", "auth.login.header 'X(Token)' is not a header name", null)]
    [TestCase("auth:\n  bearer: x\n  login: {operation: login, token: /t}\n", "rules.yaml:2:11", "auth has both bearer and login", null)]
    [TestCase("auth:\n  login: {operation: login, token: /t}\n  command: x\n", "rules.yaml:3:12", "auth has both login and command", null)]
    [TestCase("auth:\n  oauth2: {clientId: a}\n", "rules.yaml:2:11", "auth.oauth2 needs 'clientSecret'", null)]
    [TestCase("auth:\n  command: {run: x, timeout: 11m}\n", "rules.yaml:2:30", "auth.command.timeout must be 10m or less", null)]
    [TestCase("auth:\n  command: ''\n", "rules.yaml:2:12", "auth.command is empty", null)]
    public void Load_BadIdentity_OneErrorAtItsPlace(string yaml, string place, string message, string? hint)
    {
        var e = Assert.Throws<ContractCheckException>(() => Load(yaml))!;

        Assert.That(e.Location!.ToString(), Is.EqualTo(place), e.Describe());
        Assert.That(e.Message, Does.Contain(message));
        if (hint is not null)
        {
            Assert.That(e.Hint, Does.Contain(hint));
        }
    }

    [TestCase("identities:\n  limited:\n    bearer: x\n    may: [\"GET /todo/**\"]\n", "rules.yaml:4:11", "identities.limited.may: 'GET /todo/**' matches no operation of the spec")]
    [TestCase("identities:\n  limited:\n    bearer: x\n    may: [listTodo]\n", "rules.yaml:4:11", "identities.limited.may: 'listTodo' matches no operation of the spec")]
    [TestCase("auth:\n  login: {operation: signIn, token: /t}\n", "rules.yaml:2:22", "the rules name operation 'signIn', which the spec does not have")]
    [TestCase("identities:\n  other:\n    oauth2: {clientId: a, clientSecret: b}\n", "rules.yaml:3:5", "identities.other.oauth2: the spec has no oauth2 security scheme with a clientCredentials flow")]
    public void Validate_IdentityAgainstTheSpec_OneErrorAtItsPlace(string yaml, string place, string message)
    {
        var rules = Load(yaml);

        var e = Assert.Throws<ContractCheckException>(() => rules.Validate(Todo.Value))!;

        Assert.That(e.Location!.ToString(), Is.EqualTo(place));
        Assert.That(e.Message, Does.Contain(message));
        if (!message.Contains("oauth2", StringComparison.Ordinal) && message.Contains("listTodo'", StringComparison.Ordinal))
        {
            Assert.That(e.Hint, Is.EqualTo("did you mean 'listTodos'?"));
        }
    }

    [Test]
    public void Load_IdentitiesOfAnExtendedFile_AreReplacedByName()
    {
        var dir = Directory.CreateTempSubdirectory("cc-identities-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "team.yaml"), "identities:\n  other: {bearer: team-other}\n  limited: {bearer: team-reader, may: []}\n");
            File.WriteAllText(Path.Combine(dir, "contractcheck.yaml"), "extends: [builtin:rest, team.yaml]\nidentities:\n  other: {bearer: mine}\n");

            var rules = new RulesLoader(Defaults.Vocabulary, _ => null).Load(Path.Combine(dir, "contractcheck.yaml"));

            Assert.That(rules.Identities["other"].Auth.Bearer, Is.EqualTo("mine"));
            Assert.That(rules.Identities["limited"].Auth.Bearer, Is.EqualTo("team-reader"));
            Assert.That(rules.Identities["limited"].May, Is.Empty);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
