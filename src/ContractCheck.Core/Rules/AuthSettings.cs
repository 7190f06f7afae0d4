namespace ContractCheck.Core.Rules;

/// <summary>
/// Credentials for valid requests, from the rules file's <c>auth</c> section. Every value here is a
/// secret: reports show <c>***</c> in its place.
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
    public bool IsEmpty => Bearer is null && HeaderName is null && BasicUser is null && QueryName is null;

    /// <summary>The header name/value pairs these credentials add to a request.</summary>
    public IEnumerable<KeyValuePair<string, string>> Headers()
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

    /// <summary>The values reports must hide, including derived forms such as the Basic token.</summary>
    public IEnumerable<string> SecretValues()
    {
        foreach (var value in new[] { Bearer, HeaderValue, BasicPassword, QueryValue })
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return value;
            }
        }

        foreach (var (_, value) in Headers())
        {
            yield return value;
        }
    }
}
