namespace ContractCheck.Core.Rules;

/// <summary>
/// Credentials for valid requests, from the rules file's <c>auth</c> section (or one of <c>identities</c>): fixed
/// ones (bearer, header, basic, query) and a token fetched at run time (<see cref="Token"/>: login, oauth2, command).
/// Every value here is a secret: reports show <c>***</c> in its place.
/// </summary>
public sealed record AuthSettings(
    string? Bearer = null,
    string? HeaderName = null,
    string? HeaderValue = null,
    string? BasicUser = null,
    string? BasicPassword = null,
    string? QueryName = null,
    string? QueryValue = null)
{
    /// <summary>A token known only at run time, or null.</summary>
    public TokenSource? Token { get; init; }

    public bool IsEmpty => Bearer is null && HeaderName is null && BasicUser is null && QueryName is null && Token is null;

    /// <summary>
    /// The header name/value pairs these credentials add to a request sent as <paramref name="identity"/>; a fetched
    /// token stands as its <see cref="TokenSlot"/>, filled when the request is sent.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> Headers(string identity = IdentityNames.Main)
    {
        foreach (var header in FixedHeaders())
        {
            yield return header;
        }

        if (Token is { } token)
        {
            yield return new(token.HeaderName, token.HeaderValue(TokenSlot.For(identity)));
        }
    }

    /// <summary>The values reports must hide, including derived forms such as the Basic token. Fetched tokens are added when fetched.</summary>
    public IEnumerable<string> SecretValues()
    {
        var values = new[] { Bearer, HeaderValue, BasicPassword, QueryValue }
            .Concat(Token switch
            {
                LoginSettings login => login.SecretValues(),
                OAuth2Settings oauth => [oauth.ClientSecret, oauth.BasicCredentials],
                _ => [],
            });
        foreach (var value in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return value;
            }
        }

        foreach (var (_, value) in FixedHeaders())
        {
            yield return value;
        }
    }

    private IEnumerable<KeyValuePair<string, string>> FixedHeaders()
    {
        if (Bearer is not null)
        {
            yield return new("Authorization", "Bearer " + Bearer);
        }

        if (BasicUser is not null)
        {
            var raw = System.Text.Encoding.UTF8.GetBytes(BasicUser + ":" + (BasicPassword ?? ""));
            yield return new("Authorization", "Basic " + Convert.ToBase64String(raw));
        }

        if (HeaderName is not null && HeaderValue is not null)
        {
            yield return new(HeaderName, HeaderValue);
        }
    }
}
