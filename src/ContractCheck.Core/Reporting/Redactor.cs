using System.Text.RegularExpressions;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// Hides secrets in everything a report shows: values of credential headers (Authorization, Cookie,
/// API keys…), query parameters named as credentials, and every secret value the run was given,
/// wherever it appears. Shown as <c>***</c>.
/// </summary>
public sealed class Redactor
{
    public const string Mask = "***";

    private static readonly string[] SensitiveHeaderNames =
        ["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key", "apikey", "x-auth-token", "x-access-token", "x-csrf-token", "x-xsrf-token"];

    // Challenges say how to authenticate; they hold no credential and are evidence worth showing.
    private static readonly string[] PublicChallenges = ["www-authenticate", "proxy-authenticate"];

    private static readonly Regex SensitiveName = new("(?i)(token|secret|passw|api[-_]?key|auth|session|credential|signature)", RegexOptions.CultureInvariant);

    private readonly List<string> _secrets;
    private readonly HashSet<string> _sensitiveNames;

    public Redactor(IEnumerable<string> secrets, IEnumerable<string>? sensitiveNames = null)
    {
        // Longest first, so a secret that contains another is hidden whole.
        _secrets = secrets.Where(s => s.Length >= 3).Distinct().OrderByDescending(s => s.Length).ToList();
        _sensitiveNames = new HashSet<string>(SensitiveHeaderNames.Concat(sensitiveNames ?? []), StringComparer.OrdinalIgnoreCase);
    }

    public static Redactor None { get; } = new([]);

    /// <summary>True for a header or parameter name whose value is a credential.</summary>
    public bool IsSensitiveName(string name) => _sensitiveNames.Contains(name) || IsCredentialName(name);

    /// <summary>True for names that hold credentials whatever the API: Authorization, Cookie, *token*, *api-key*, …</summary>
    public static bool IsCredentialName(string name) =>
        !PublicChallenges.Contains(name, StringComparer.OrdinalIgnoreCase)
        && (SensitiveHeaderNames.Contains(name, StringComparer.OrdinalIgnoreCase) || SensitiveName.IsMatch(name));

    public string Header(string name, string value) => IsSensitiveName(name) ? Mask : Text(value);

    /// <summary>Replaces every known secret inside free text.</summary>
    public string Text(string text)
    {
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>A URL with credential query parameters and secrets masked.</summary>
    public string Url(Uri url)
    {
        if (string.IsNullOrEmpty(url.Query))
        {
            return Text(url.ToString());
        }

        var parts = url.Query.TrimStart('?').Split('&').Select(p =>
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? p : p[..eq]);
            return eq >= 0 && IsSensitiveName(name) ? p[..(eq + 1)] + Mask : p;
        });
        var builder = new UriBuilder(url) { Query = string.Join("&", parts) };
        return Text(builder.Uri.ToString());
    }
}
