using System.Net;
using System.Text.Encodings.Web;
using ContractCheck.Core.Rules;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// Hides secrets in everything a report shows. A secret is a value the run was given as a credential (every
/// <c>auth</c> value, including what came from <c>${ENV}</c>, credential headers from the command line or the
/// rules) and the secret part of such a header value (<c>token &lt;secret&gt;</c>, <c>Bearer &lt;secret&gt;</c>):
/// it is masked wherever it appears — headers, URLs, bodies — also URL-, JSON- or HTML-encoded. Response headers
/// the server uses for credentials (Set-Cookie, …) are masked whole. Shown as <c>***</c>; in reproductions, as the
/// shell variable to put back (<see cref="Segments"/>). Tokens fetched during the run are added as they come
/// (<see cref="Add"/>, from any worker).
/// </summary>
public sealed class Redactor : Execution.ISecrets
{
    public const string Mask = "***";

    // Challenges say how to authenticate; they hold no credential and are evidence worth showing.
    private static readonly string[] PublicChallenges = ["www-authenticate", "proxy-authenticate"];

    private readonly object _gate = new();
    private readonly HashSet<string> _sensitiveNames;

    // Replaced whole (never changed in place) when a secret is added, so readers on other threads need no lock.
    private volatile List<(string Text, string Variable)> _secrets = [];
    private int _index;

    /// <param name="secrets">The credential values the run was given.</param>
    /// <param name="sensitiveNames">Header and parameter names the spec's security schemes or the rules name.</param>
    /// <param name="variables">The variable each value came from (<c>${TODO_API_TOKEN}</c>), for reproductions.</param>
    public Redactor(IEnumerable<string> secrets, IEnumerable<string>? sensitiveNames = null, IReadOnlyDictionary<string, string>? variables = null)
    {
        var list = new List<(string Text, string Variable)>();
        foreach (var secret in secrets.Select(SecretPart).Where(s => s.Length >= 3).Distinct())
        {
            AddForms(list, secret, variables?.GetValueOrDefault(secret) ?? "CONTRACTCHECK_SECRET_" + ++_index);
        }

        _secrets = Sorted(list);
        _sensitiveNames = new HashSet<string>(sensitiveNames ?? [], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A secret learnt during the run (a token fetched by a login): masked from now on, in every form.</summary>
    public void Add(string secret, string variable)
    {
        var part = SecretPart(secret);
        if (part.Length < 3)
        {
            return;
        }

        lock (_gate)
        {
            var list = new List<(string Text, string Variable)>(_secrets);
            AddForms(list, part, variable);
            _secrets = Sorted(list);
        }
    }

    string Execution.ISecrets.Mask(string text) => Text(text);

    private static void AddForms(List<(string Text, string Variable)> list, string secret, string variable)
    {
        foreach (var form in Forms(secret))
        {
            if (!list.Any(s => s.Text == form))
            {
                list.Add((form, form == secret ? variable : ""));
            }
        }
    }

    // Longest first, so a secret that contains another is hidden whole.
    private static List<(string Text, string Variable)> Sorted(List<(string Text, string Variable)> list)
    {
        list.Sort((a, b) => b.Text.Length.CompareTo(a.Text.Length));
        return list;
    }

    public static Redactor None { get; } = new([]);

    /// <summary>The variables reproductions use in place of secrets, by name.</summary>
    public IEnumerable<string> Variables => _secrets.Select(s => s.Variable).Where(v => v.Length > 0).Distinct();

    /// <summary>True for a header or parameter name whose value is a credential.</summary>
    public bool IsSensitiveName(string name) => _sensitiveNames.Contains(name) || IsCredentialName(name);

    /// <summary>True for names that hold credentials whatever the API (see <see cref="CredentialNames"/>); never a challenge.</summary>
    public static bool IsCredentialName(string name) => !PublicChallenges.Contains(name, StringComparer.OrdinalIgnoreCase) && CredentialNames.IsCredential(name);

    /// <summary>
    /// A request header as shown: the run's secrets masked, the scheme word kept (<c>Bearer ***</c>); any other value of
    /// a credential header masked whole, except the wrong credentials ContractCheck makes up (they are no one's secret).
    /// </summary>
    public string Header(string name, string value)
    {
        if (!IsSensitiveName(name) || Probes.Credentials.IsMadeUp(value) || Segments(value).Any(s => s.Variable is not null))
        {
            return Text(value);
        }

        return SchemeWord(value) is { } scheme ? scheme + " " + Mask : Mask;
    }

    /// <summary>A response header as shown: the server's own credentials (Set-Cookie, a token it hands out) masked whole, the run's secrets wherever they appear.</summary>
    public string ResponseHeader(string name, string value) => IsSensitiveName(name) ? Mask : Text(value);

    /// <summary>Replaces every known secret inside free text, also one an excerpt cut short (its start before a <c>…</c>).</summary>
    public string Text(string text)
    {
        var masked = string.Concat(Segments(text).Select(s => s.Variable is null ? s.Text : Mask));
        return masked.Contains('…', StringComparison.Ordinal) ? MaskCutSecrets(masked) : masked;
    }

    // A check's excerpt ("the body contains '…'") is cut before reports mask it: the first characters of a secret
    // (four or more) just before the ellipsis are masked as the secret would have been.
    private string MaskCutSecrets(string text)
    {
        var cut = text.IndexOf('…', StringComparison.Ordinal);
        while (cut >= 0)
        {
            foreach (var (secret, _) in _secrets)
            {
                var longest = Math.Min(secret.Length - 1, cut);
                var length = Enumerable.Range(4, Math.Max(0, longest - 3)).Reverse().FirstOrDefault(n => string.CompareOrdinal(text, cut - n, secret, 0, n) == 0);
                if (length > 0)
                {
                    text = text[..(cut - length)] + Mask + text[cut..];
                    cut = cut - length + Mask.Length;
                    break;
                }
            }

            cut = text.IndexOf('…', cut + 1);
        }

        return text;
    }

    /// <summary>A URL with secrets masked (query parameters the spec or the rules name as credentials too).</summary>
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
            return eq >= 0 && IsSensitiveName(name) && !Segments(p[(eq + 1)..]).Any(s => s.Variable is not null) && !Probes.Credentials.IsMadeUp(p) ? p[..(eq + 1)] + Mask : p;
        });
        var builder = new UriBuilder(url) { Query = string.Join("&", parts) };
        return Text(builder.Uri.ToString());
    }

    /// <summary>
    /// The text cut into plain parts and secrets: a secret part carries the variable that holds it (empty for an
    /// encoded form of a secret, which has no variable of its own).
    /// </summary>
    public IReadOnlyList<(string Text, string? Variable)> Segments(string text)
    {
        var segments = new List<(string, string?)> { (text, null) };
        foreach (var (secret, variable) in _secrets)
        {
            if (!text.Contains(secret, StringComparison.Ordinal))
            {
                continue;
            }

            var next = new List<(string, string?)>();
            foreach (var (part, v) in segments)
            {
                if (v is not null)
                {
                    next.Add((part, v));
                    continue;
                }

                var pieces = part.Split(secret);
                for (var i = 0; i < pieces.Length; i++)
                {
                    if (pieces[i].Length > 0)
                    {
                        next.Add((pieces[i], null));
                    }

                    if (i < pieces.Length - 1)
                    {
                        next.Add((secret, variable));
                    }
                }
            }

            segments = next;
        }

        return segments;
    }

    // A credential header value "Bearer abc", "token abc": the secret is the part after the scheme word (the word is kept in view).
    private static string SecretPart(string value) => SchemeWord(value) is { } scheme ? value[(scheme.Length + 1)..].Trim() : value;

    private static string? SchemeWord(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && space < value.Length - 1 && value[..space].All(char.IsAsciiLetter) ? value[..space] : null;
    }

    // A server echoing a secret may encode it: in a URL, a JSON string, an HTML page.
    private static IEnumerable<string> Forms(string secret)
    {
        yield return secret;
        yield return Uri.EscapeDataString(secret);
        yield return WebUtility.UrlEncode(secret);
        yield return JavaScriptEncoder.Default.Encode(secret);
        yield return JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(secret);
        yield return WebUtility.HtmlEncode(secret);
        yield return JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(secret).Replace("/", "\\/", StringComparison.Ordinal);
    }
}
