using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Rules;

/// <summary>
/// What the identities of a rules file must agree on with the spec: every <c>may</c> selector names an operation of
/// it (a glob too: a list that silently matches nothing would make every call of the limited identity a failure), and
/// an <c>oauth2</c> token has a client credentials flow to come from.
/// </summary>
public static class IdentityRules
{
    public static void Validate(RuleSet rules, ApiSpec spec)
    {
        foreach (var identity in rules.AllIdentities)
        {
            foreach (var selector in identity.May.Where(s => !spec.Operations.Any(s.Matches)))
            {
                var names = spec.Operations.SelectMany(o => o.OperationId is null ? new[] { o.Key } : [o.OperationId, o.Key]).ToList();
                var close = selector.IsPattern ? null : DidYouMean.Closest(selector.Text, names);
                throw new ContractCheckException(
                    $"{identity.RulesPath}.may: '{selector.Text}' matches no operation of the spec",
                    selector.Location,
                    close is not null ? $"did you mean '{close}'?" : "name operations by operationId, \"METHOD /path\" as the spec writes it, or a glob such as \"GET /**\"");
            }

            if (identity.Auth.Token is OAuth2Settings oauth && TokenUrl(spec) is null)
            {
                throw new ContractCheckException(
                    $"{identity.RulesPath}.oauth2: the spec has no oauth2 security scheme with a clientCredentials flow to take the token URL from",
                    oauth.Location,
                    "declare the scheme in components.securitySchemes (type: oauth2, flows.clientCredentials.tokenUrl), or fetch the token another way (login, command)");
            }
        }
    }

    /// <summary>The token URL of the spec's first OAuth 2.0 client credentials flow (RFC 6749 §4.4), as the spec writes it; or null.</summary>
    public static string? TokenUrl(ApiSpec spec) =>
        (spec.Document.Components?.SecuritySchemes?.Values ?? [])
            .Where(s => s.Type == SecuritySchemeType.OAuth2)
            .Select(s => s.Flows?.ClientCredentials?.TokenUrl?.OriginalString)
            .FirstOrDefault(u => !string.IsNullOrEmpty(u));
}
