namespace ContractCheck.Core.Rules;

/// <summary>
/// <c>auth.oauth2</c>: an OAuth 2.0 access token by the client credentials grant (RFC 6749 §4.4), from the token URL
/// of the spec's <c>oauth2</c> security scheme with a <c>clientCredentials</c> flow; sent as a bearer token (RFC 6750).
/// </summary>
public sealed record OAuth2Settings(string ClientId, string ClientSecret, IReadOnlyList<string> Scopes, SourceLocation Location) : TokenSource(Location)
{
    public override string Key => "oauth2";

    /// <summary>The client's HTTP Basic credentials for the token endpoint (RFC 6749 §2.3.1: each part form-encoded first).</summary>
    public string BasicCredentials => "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.EscapeDataString(ClientId) + ":" + Uri.EscapeDataString(ClientSecret)));
}
