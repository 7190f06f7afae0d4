using System.Text;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Probes;

/// <summary>
/// Takes the credentials out of a valid request (Authorization, API-key headers, query parameters and
/// cookies the spec's security schemes name, and those of the rules), or replaces them with wrong ones
/// of the same scheme — what the missing-auth and invalid-auth probes send.
/// </summary>
public static class Credentials
{
    public static PlannedRequest Without(PlannedRequest request, ApiSpec spec, RuleSet rules)
    {
        var (headers, queries, cookies) = Names(spec, rules);
        var kept = request.Headers
            .Where(h => !headers.Contains(h.Key) && !Core.Rules.CredentialNames.IsCredential(h.Key))
            .Select(h => h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase) ? new KeyValuePair<string, string>(h.Key, StripCookies(h.Value, cookies)) : h)
            .Where(h => h.Value.Length > 0)
            .ToList();
        var query = request.Query.Where(q => !queries.Contains(q.Key)).ToList();
        return request with { Headers = kept, Query = query, As = IdentityNames.None };
    }

    /// <summary>What every made-up credential holds, so reports can show it (it is nobody's secret) and reproductions stay exact.</summary>
    public const string Marker = "contractcheck-invalid-";

    /// <summary>True for a credential value the invalid-auth probe made up (also inside a Basic token).</summary>
    public static bool IsMadeUp(string value)
    {
        if (value.Contains(Marker, StringComparison.Ordinal))
        {
            return true;
        }

        var space = value.IndexOf(' ', StringComparison.Ordinal);
        try
        {
            return space > 0 && value[..space].Equals("Basic", StringComparison.OrdinalIgnoreCase)
                && Encoding.UTF8.GetString(Convert.FromBase64String(value[(space + 1)..].Trim())).Contains(Marker, StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The request with credentials of the operation's scheme that the API cannot accept.</summary>
    public static PlannedRequest Wrong(PlannedRequest request, ApiOperation operation, ApiSpec spec, RuleSet rules, Random random)
    {
        var bare = Without(request, spec, rules);
        var headers = bare.Headers.ToList();
        var query = bare.Query.ToList();
        var token = Marker + random.Next(100_000, 999_999);
        var scheme = operation.Security.SelectMany(r => r.Keys).FirstOrDefault();
        switch (scheme)
        {
            case { Type: SecuritySchemeType.Http } when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase):
                headers.Add(new("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("contractcheck:" + token))));
                break;
            case { Type: SecuritySchemeType.ApiKey, In: ParameterLocation.Header, Name: { } name }:
                headers.Add(new(name, token));
                break;
            case { Type: SecuritySchemeType.ApiKey, In: ParameterLocation.Query, Name: { } name }:
                query.Add(new(name, token));
                break;
            case { Type: SecuritySchemeType.ApiKey, In: ParameterLocation.Cookie, Name: { } name }:
                headers.Add(new("Cookie", $"{name}={token}"));
                break;
            case null when WrongLike(request, token) is { } same:
                // No scheme in the spec: the wrong credential takes the form of the one given (its header, its scheme word).
                headers.Add(same);
                break;
            case null when rules.Auth.QueryName is { } name:
                query.Add(new(name, token));
                break;
            default:
                headers.Add(new("Authorization", "Bearer " + token));
                break;
        }

        return bare with { Headers = headers, Query = query };
    }

    private static KeyValuePair<string, string>? WrongLike(PlannedRequest valid, string token)
    {
        foreach (var (name, value) in valid.Headers)
        {
            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                var scheme = value.Split(' ', 2)[0];
                return new(name, scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
                    ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("contractcheck:" + token))
                    : value.Contains(' ', StringComparison.Ordinal) ? scheme + " " + token : token);
            }

            if (Core.Rules.CredentialNames.IsCredential(name) && !name.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
            {
                return new(name, token);
            }
        }

        return null;
    }

    private static (HashSet<string> Headers, HashSet<string> Queries, HashSet<string> Cookies) Names(ApiSpec spec, RuleSet rules)
    {
        var headers = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Authorization", "Proxy-Authorization" };
        var queries = new HashSet<string>(StringComparer.Ordinal);
        var cookies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scheme in spec.Document.Components?.SecuritySchemes?.Values ?? [])
        {
            if (scheme is { Type: SecuritySchemeType.ApiKey, Name: { } name })
            {
                (scheme.In switch { ParameterLocation.Query => queries, ParameterLocation.Cookie => cookies, _ => headers }).Add(name);
            }
        }

        foreach (var auth in rules.AllIdentities.Select(i => i.Auth))
        {
            if (auth.HeaderName is { } h)
            {
                headers.Add(h);
            }

            if (auth.Token is { } token)
            {
                headers.Add(token.HeaderName);
            }

            if (auth.QueryName is { } q)
            {
                queries.Add(q);
            }
        }

        return (headers, queries, cookies);
    }

    private static string StripCookies(string cookie, HashSet<string> names) =>
        string.Join("; ", cookie.Split(';').Select(c => c.Trim()).Where(c => c.Length > 0 && !names.Contains(c.Split('=')[0].Trim())));
}
