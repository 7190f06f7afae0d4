namespace ContractCheck.Core.Rules;

/// <summary>
/// A token known only at run time, and how it is sent: <see cref="LoginSettings"/> (the API's own login),
/// <see cref="OAuth2Settings"/> (client credentials, RFC 6749 §4.4) or <see cref="CommandSettings"/> (a command that
/// prints it). Fetched by the Execute stage before the first probe; every token is a secret.
/// </summary>
public abstract record TokenSource(SourceLocation Location)
{
    /// <summary>The header the token goes in; default Authorization.</summary>
    public string? Header { get; init; }

    /// <summary>The word before the token (<c>Authorization: Bearer &lt;token&gt;</c>); default Bearer in Authorization, none in another header.</summary>
    public string? Scheme { get; init; }

    /// <summary>The rules key: login, oauth2 or command.</summary>
    public abstract string Key { get; }

    /// <summary>True when a refused token can be fetched again (a login, a token endpoint); a command runs once.</summary>
    public virtual bool Renewable => true;

    public string HeaderName => Header ?? "Authorization";

    /// <summary>The header value that carries <paramref name="token"/>.</summary>
    public string HeaderValue(string token) => Scheme is { } scheme ? scheme + " " + token : Header is null ? "Bearer " + token : token;
}
