using Microsoft.OpenApi;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Rules;

/// <summary>
/// The <c>auth</c> block <c>contractcheck init</c> writes from the spec's security schemes: the scheme most operations
/// require is written out with <c>${ENV}</c> placeholders, every other one commented out beside it.
/// </summary>
internal static class TemplateAuth
{
    /// <summary>Lines of the block (without the <c>auth:</c> line), or none when the spec declares no scheme.</summary>
    public static IReadOnlyList<string> Lines(ApiSpec spec, string prefix)
    {
        var schemes = spec.Document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>();
        if (schemes.Count == 0)
        {
            return [];
        }

        // The requirement most operations accept (one scheme, or several sent together) is written out; every other
        // scheme is an alternative, commented out (a slot of the auth block - bearer, header, basic, query - holds one).
        var uses = spec.Operations.SelectMany(o => o.Security.SelectMany(r => r.Keys).Select(k => k.Reference.Id).Distinct())
            .OfType<string>().CountBy(id => id).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var chosen = spec.Operations.SelectMany(o => o.Security)
            .Select(r => string.Join(" ", r.Keys.Select(k => k.Reference.Id).OfType<string>().Order(StringComparer.Ordinal)))
            .Where(r => r.Length > 0).CountBy(r => r).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key.Split(' ').ToHashSet(StringComparer.Ordinal)).FirstOrDefault() ?? [];
        var ordered = schemes.OrderByDescending(s => chosen.Contains(s.Key)).ThenByDescending(s => uses.GetValueOrDefault(s.Key)).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        var lines = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, scheme) in ordered)
        {
            var (slot, entry) = Entry(name, scheme, prefix, schemes.Count > 1);
            var count = uses.GetValueOrDefault(name);
            lines.Add($"  # {name}: {Describe(scheme)}, required by {count} of {spec.Operations.Count} operations");
            if (slot is null)
            {
                lines.Add("  # " + entry);
                continue;
            }

            var active = chosen.Contains(name) && used.Add(slot);
            lines.Add((active ? "  " : "  # ") + entry);
        }

        return lines;
    }

    private static (string? Slot, string Entry) Entry(string name, IOpenApiSecurityScheme scheme, string prefix, bool several)
    {
        var variable = prefix + (several ? "_" + Constant(name) : "");
        return scheme switch
        {
            { Type: SecuritySchemeType.Http } when "basic".Equals(scheme.Scheme, StringComparison.OrdinalIgnoreCase) =>
                ("basic", $"basic: {{username: \"${{{variable}_USERNAME}}\", password: \"${{{variable}_PASSWORD}}\"}}"),
            { Type: SecuritySchemeType.Http } when "bearer".Equals(scheme.Scheme, StringComparison.OrdinalIgnoreCase) =>
                ("bearer", $"bearer: ${{{variable}_TOKEN}}"),
            { Type: SecuritySchemeType.ApiKey, In: ParameterLocation.Header, Name: { Length: > 0 } header } =>
                ("header", $"header: {{name: {YamlText.Flow(header)}, value: \"${{{variable}_KEY}}\"}}"),
            { Type: SecuritySchemeType.ApiKey, In: ParameterLocation.Query, Name: { Length: > 0 } parameter } =>
                ("query", $"query: {{name: {YamlText.Flow(parameter)}, value: \"${{{variable}_KEY}}\"}}"),
            { Type: SecuritySchemeType.ApiKey, In: ParameterLocation.Cookie, Name: { Length: > 0 } cookie } =>
                ("header", $"header: {{name: Cookie, value: \"{cookie}=${{{variable}_KEY}}\"}}   # the cookie {cookie}"),
            { Type: SecuritySchemeType.OAuth2 or SecuritySchemeType.OpenIdConnect } =>
                ("bearer", $"bearer: ${{{variable}_TOKEN}}   # an access token you obtained for the run"),
            _ => (null, $"(not supported by the auth block: {Describe(scheme)}; give the credential with --header)"),
        };
    }

    private static string Describe(IOpenApiSecurityScheme scheme) => scheme.Type switch
    {
        SecuritySchemeType.Http => $"HTTP {scheme.Scheme?.ToLowerInvariant()}",
        SecuritySchemeType.ApiKey => $"API key in {scheme.In?.ToString().ToLowerInvariant()} {scheme.Name}",
        SecuritySchemeType.OAuth2 => "OAuth 2.0",
        SecuritySchemeType.OpenIdConnect => "OpenID Connect",
        SecuritySchemeType.MutualTLS => "mutual TLS",
        _ => scheme.Type?.ToString() ?? "unknown scheme",
    };

    /// <summary>"bearerAuth" → "BEARER_AUTH": a name as an environment variable writes it (camelCase split into words when <paramref name="splitWords"/>).</summary>
    public static string Constant(string name, bool splitWords = true)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                if (splitWords && char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]) && builder.Length > 0 && builder[^1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToUpperInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        var constant = builder.ToString().Trim('_');
        return constant.Length == 0 ? "API" : char.IsDigit(constant[0]) ? "API_" + constant : constant;
    }
}
