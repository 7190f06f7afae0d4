using ContractCheck.Core.Yaml;

namespace ContractCheck.Core.Rules;

/// <summary>
/// Reads credentials — the rules' <c>auth</c> and each of <c>identities</c> — strictly: every identity takes the forms
/// <c>auth</c> takes (bearer, header, basic, query, login, oauth2, command); <c>identities.limited</c> also its
/// <c>may</c> list. An identity without credentials, or with two ways to get one token, is an error at its place.
/// </summary>
internal sealed class AuthParser
{
    private static readonly string[] Forms = RulesKeys.Auth.Names;
    private static readonly string[] TokenKeys = ["login", "oauth2", "command"];

    private readonly YamlRead _y;

    public AuthParser(YamlRead y)
    {
        _y = y;
    }

    /// <summary>The rules' <c>auth</c> section.</summary>
    public AuthSettings Auth(YNode node) => Credentials(_y.Map(node, "auth", Forms), "auth");

    /// <summary>The rules' <c>identities</c> section.</summary>
    public IEnumerable<Identity> Identities(YNode node)
    {
        foreach (var (name, value) in _y.Map(node, "identities", RulesKeys.Identities.Names).Entries)
        {
            var what = IdentityNames.RulesPath(name.Value);
            var limited = name.Value == IdentityNames.Limited;
            if (value is YScalar { IsNull: true })
            {
                throw NoCredentials(name, what);
            }

            if (!limited && value is YMapping m && m["may"] is { } misplaced)
            {
                throw _y.Error(misplaced, $"{what} takes no 'may'", "'may' belongs to identities.limited: the operations that identity is allowed; the other identity is a user who must see none of the main identity's items");
            }

            var map = _y.Map(value, what, limited ? RulesKeys.LimitedIdentity.Names : Forms);
            var auth = Credentials(map, what);
            if (auth.IsEmpty)
            {
                throw NoCredentials(value, what);
            }

            var may = new List<OperationSelector>();
            if (limited)
            {
                var list = map["may"] ?? throw _y.Error(value, $"{what} needs 'may': the operations it is allowed", "list them as selectors, such as may: [\"GET /**\", \"HEAD /**\"] (may: [] when it is allowed none)");
                may.AddRange(list is YSequence { Items.Count: 0 } ? [] : _y.TextList(list, what + ".may").Select(s => OperationSelector.Parse(s.Value, _y.At(s.Node))));
            }

            yield return new Identity(name.Value, auth, may, _y.At(name));
        }
    }

    private ContractCheckException NoCredentials(YNode at, string what) =>
        _y.Error(at, $"{what} has no credentials", "give it one of " + string.Join(", ", Forms) + " (the forms auth takes)");

    private AuthSettings Credentials(YMapping map, string what)
    {
        var tokens = TokenKeys.Where(k => map[k] is not null).ToList();
        if (tokens.Count > 1)
        {
            throw _y.Error(map[tokens[1]]!, $"{what} has both {tokens[0]} and {tokens[1]}", "give one way to get its token");
        }

        var auth = new AuthSettings();
        if (map["bearer"] is { } bearer)
        {
            auth = auth with { Bearer = _y.Text(bearer, what + ".bearer") };
        }

        if (map["header"] is { } header)
        {
            var h = _y.Map(header, what + ".header", RulesKeys.AuthHeader.Names);
            auth = auth with { HeaderName = Required(h, "name", what + ".header"), HeaderValue = Required(h, "value", what + ".header") };
        }

        if (map["basic"] is { } basic)
        {
            var b = _y.Map(basic, what + ".basic", RulesKeys.AuthBasic.Names);
            auth = auth with { BasicUser = Required(b, "username", what + ".basic"), BasicPassword = b["password"] is { } p ? _y.Text(p, what + ".basic.password") : "" };
        }

        if (map["query"] is { } query)
        {
            var q = _y.Map(query, what + ".query", RulesKeys.AuthQuery.Names);
            auth = auth with { QueryName = Required(q, "name", what + ".query"), QueryValue = Required(q, "value", what + ".query") };
        }

        TokenSource? token = tokens.FirstOrDefault() switch
        {
            "login" => Login(map["login"]!, what + ".login") with { Location = KeyAt(map, "login") },
            "oauth2" => OAuth2(map["oauth2"]!, what + ".oauth2") with { Location = KeyAt(map, "oauth2") },
            "command" => Command(map["command"]!, what + ".command") with { Location = KeyAt(map, "command") },
            _ => null,
        };
        if (token is not null)
        {
            // One Authorization header: a token sent there leaves no room for a bearer or basic credential beside it.
            var fixedAuthorization = map["bearer"] ?? map["basic"];
            if (fixedAuthorization is not null && token.HeaderName.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                throw _y.Error(fixedAuthorization, $"{what} has both {(map["bearer"] is null ? "basic" : "bearer")} and {token.Key}: both go in the Authorization header", $"keep one, or send the fetched token in another header ({token.Key}: {{header: X-Auth-Token}})");
            }

            auth = auth with { Token = token };
        }

        return auth;
    }

    // Errors found when the token is fetched point at the key that asked for it (login:, not its first member).
    private SourceLocation KeyAt(YMapping map, string key) => _y.At(map.Entries.First(e => e.Key.Value == key).Key);

    private LoginSettings Login(YNode node, string what)
    {
        var map = _y.Map(node, what, RulesKeys.Login.Names);
        var operationNode = map["operation"] ?? throw _y.Error(node, $"{what} needs 'operation': the login operation of the spec", "name it by operationId or as \"POST /login\"");
        var operation = OperationSelector.Parse(_y.Text(operationNode, what + ".operation"), _y.At(operationNode));
        if (operation.IsPattern)
        {
            throw _y.Error(operationNode, $"{what}.operation '{operation.Text}' is a pattern", "name the one login operation: its operationId or \"POST /login\"");
        }

        var tokenNode = map["token"] ?? throw _y.Error(node, $"{what} needs 'token': where its answer holds the token", "a JSON pointer such as /access_token (or a path such as $.data.token)");
        var token = _y.Text(tokenNode, what + ".token");
        if (!LoginSettings.IsValidToken(token))
        {
            throw _y.Error(tokenNode, $"{what}.token '{token}' is not a JSON pointer or path", "write where the answer holds the token: /access_token, /data/token or $.data.token");
        }

        var body = map["body"] is { } b ? Yaml.YamlToJson.Convert(b, _y.File) : null;
        return Sent(new LoginSettings(operation, body, token, _y.At(node)), map, what);
    }

    private OAuth2Settings OAuth2(YNode node, string what)
    {
        var map = _y.Map(node, what, RulesKeys.OAuth2.Names);
        var scopes = map["scopes"] is { } s ? _y.TextList(s, what + ".scopes").Select(x => x.Value).ToList() : [];
        return new OAuth2Settings(Required(map, "clientId", what), Required(map, "clientSecret", what), scopes, _y.At(node));
    }

    private CommandSettings Command(YNode node, string what)
    {
        if (node is YScalar)
        {
            return new CommandSettings(NonEmpty(node, what), CommandSettings.DefaultTimeout, _y.At(node));
        }

        var map = _y.Map(node, what, RulesKeys.Command.Names);
        var run = map["run"] is { } r ? NonEmpty(r, what + ".run") : throw _y.Error(node, $"{what} needs 'run': the command that prints the token");
        var timeout = map["timeout"] is { } t ? _y.Duration(t, what + ".timeout") : CommandSettings.DefaultTimeout;
        if (timeout > TimeSpan.FromMinutes(10))
        {
            throw _y.Error(map["timeout"]!, $"{what}.timeout must be 10m or less");
        }

        return Sent(new CommandSettings(run, timeout, _y.At(node)), map, what);
    }

    // How a fetched token is sent: scheme (the word before it in Authorization), header (another header, the bare token).
    private T Sent<T>(T source, YMapping map, string what)
        where T : TokenSource
    {
        var scheme = map["scheme"] is { } s ? _y.Text(s, what + ".scheme") : null;
        if (scheme is not null && (scheme.Length == 0 || !scheme.All(char.IsAsciiLetterOrDigit)))
        {
            throw _y.Error(map["scheme"]!, $"{what}.scheme '{scheme}' is not a scheme word", "write the word before the token, such as Bearer or Token");
        }

        var header = map["header"] is { } h ? _y.Text(h, what + ".header") : null;
        if (header is not null && !Execution.HttpToken.IsToken(header))
        {
            throw _y.Error(map["header"]!, $"{what}.header '{header}' is not a header name", "write the header the token goes in, such as X-Auth-Token");
        }

        return source with { Scheme = scheme, Header = header };
    }

    private string NonEmpty(YNode node, string what)
    {
        var text = _y.Text(node, what);
        return text.Trim().Length > 0 ? text : throw _y.Error(node, $"{what} is empty");
    }

    private string Required(YMapping map, string key, string what) =>
        map[key] is { } v ? _y.Text(v, $"{what}.{key}") : throw _y.Error(map, $"{what} needs '{key}'");
}
