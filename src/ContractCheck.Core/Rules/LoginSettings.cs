using System.Text.Json.Nodes;

namespace ContractCheck.Core.Rules;

/// <summary>
/// <c>auth.login</c>: the token comes from the API itself — an operation of the spec called with a body (a user name
/// and password), the token read from its answer at a JSON pointer (<c>/access_token</c>) or path (<c>$.data.token</c>).
/// </summary>
public sealed record LoginSettings(OperationSelector Operation, JsonNode? Body, string Token, SourceLocation Location) : TokenSource(Location)
{
    public override string Key => "login";

    /// <summary>The token in a login's answer, or null when it has none there (or not as a string).</summary>
    public string? TokenIn(JsonNode? answer)
    {
        var found = Token.StartsWith('/') ? (Spec.Pointer.TryResolve(answer, Token, out var value), value) : (JsonPath.TrySelect(answer, Token, out var selected), selected);
        return found is (true, JsonValue v) && v.TryGetValue(out string? token) && token.Length > 0 ? token : null;
    }

    /// <summary>True for a JSON pointer (<c>/access_token</c>) or a JSON path (<c>$.data.token</c>) ContractCheck reads.</summary>
    public static bool IsValidToken(string token) => token.StartsWith('/') || (token.StartsWith('$') && JsonPath.IsValid(token));

    /// <summary>The string values of the body's credential members (password, secret, …): secrets, masked in every report.</summary>
    public IEnumerable<string> SecretValues() => Secrets(Body, null);

    private static IEnumerable<string> Secrets(JsonNode? node, string? name) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Secrets(p.Value, p.Key)),
        JsonArray arr => arr.SelectMany(i => Secrets(i, name)),
        JsonValue v when name is not null && CredentialNames.IsCredential(name) && v.TryGetValue(out string? s) && s.Length > 0 => [s],
        _ => [],
    };
}
