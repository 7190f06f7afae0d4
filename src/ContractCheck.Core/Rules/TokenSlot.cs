namespace ContractCheck.Core.Rules;

/// <summary>
/// Where a token fetched at run time (login, OAuth 2.0, a command) goes in a planned request: the plan holds this
/// placeholder in the credential header, and the Execute stage puts the identity's current token in its place just
/// before sending. Plans stay pure and reproducible; the token itself is never in the plan.
/// </summary>
public static class TokenSlot
{
    private const string Start = "{{token:";
    private const string End = "}}";

    /// <summary>The placeholder for an identity's token.</summary>
    public static string For(string identity) => Start + identity + End;

    /// <summary>The identity whose token the value holds a place for, or null.</summary>
    public static string? IdentityIn(string value)
    {
        var start = value.IndexOf(Start, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = value.IndexOf(End, start + Start.Length, StringComparison.Ordinal);
        return end < 0 ? null : value[(start + Start.Length)..end];
    }

    /// <summary>The value with the placeholder of <paramref name="identity"/> replaced by its token.</summary>
    public static string Fill(string value, string identity, string token) => value.Replace(For(identity), token, StringComparison.Ordinal);
}
