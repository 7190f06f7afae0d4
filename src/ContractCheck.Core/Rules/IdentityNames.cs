namespace ContractCheck.Core.Rules;

/// <summary>
/// As whom a request is sent: the main identity (<c>auth</c>), another one of <c>identities</c>, or nobody (no
/// credentials at all: missing-auth, hide-existence).
/// </summary>
public static class IdentityNames
{
    /// <summary>The rules' <c>auth</c>: the identity every valid request is sent as, and the owner of what the run creates.</summary>
    public const string Main = "main";

    /// <summary><c>identities.other</c>: another user, who must never see, change or delete the main identity's items.</summary>
    public const string Other = "other";

    /// <summary><c>identities.limited</c>: authenticated, allowed only the operations of its <c>may</c> list.</summary>
    public const string Limited = "limited";

    /// <summary>No credentials at all.</summary>
    public const string None = "none";

    /// <summary>The identities a rules file may add under <c>identities</c>.</summary>
    public static IReadOnlyList<string> Additional { get; } = [Other, Limited];

    /// <summary>Where the identity's credentials are in the rules file: <c>auth</c>, <c>identities.other</c>.</summary>
    public static string RulesPath(string identity) => identity == Main ? "auth" : "identities." + identity;
}
