using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// A token the Execute stage fetches before the first probe, planned: whose it is, where it comes from, and for a
/// login the request that fetches it (sent without credentials), for OAuth 2.0 the token URL as the spec writes it.
/// </summary>
public sealed record TokenFetch(string Identity, TokenSource Source)
{
    /// <summary>For a login: the operation called.</summary>
    public ApiOperation? Operation { get; init; }

    /// <summary>For a login: the request that fetches the token.</summary>
    public PlannedRequest? Login { get; init; }

    /// <summary>For OAuth 2.0: the token URL of the spec's client credentials flow (absolute, or relative to the base URL).</summary>
    public string? TokenUrl { get; init; }

    /// <summary>Where the token comes from, in the rules' words: <c>auth.login</c>, <c>identities.other.command</c>.</summary>
    public string RulesPath => IdentityNames.RulesPath(Identity) + "." + Source.Key;

    /// <summary>How the variables of fetched tokens begin.</summary>
    public const string VariablePrefix = "CONTRACTCHECK_TOKEN_";

    /// <summary>The variable a reproduction names in the token's place.</summary>
    public string Variable => VariablePrefix + Identity.ToUpperInvariant();

    /// <summary>The fetches of a run's identities, main first.</summary>
    public static IReadOnlyList<TokenFetch> Plan(PlanContext context)
    {
        var fetches = new List<TokenFetch>();
        foreach (var identity in context.Rules.AllIdentities.Where(i => i.Auth.Token is not null))
        {
            var fetch = new TokenFetch(identity.Name, identity.Auth.Token!);
            fetches.Add(identity.Auth.Token switch
            {
                LoginSettings login when context.Spec.Operations.FirstOrDefault(login.Operation.Matches) is { } operation =>
                    fetch with { Operation = operation, Login = context.Requests.Login(operation, login, context.RandomFor("login " + identity.Name, operation)) },
                OAuth2Settings => fetch with { TokenUrl = IdentityRules.TokenUrl(context.Spec) },
                _ => fetch,
            });
        }

        return fetches;
    }
}
