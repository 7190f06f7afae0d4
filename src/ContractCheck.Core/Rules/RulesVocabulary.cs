namespace ContractCheck.Core.Rules;

/// <summary>
/// The ids a rules file may name: probe kinds (with the option keys each accepts) and checks.
/// Supplied by the registries of probes and checks, so a typo is an error with a suggestion.
/// </summary>
public sealed record RulesVocabulary(IReadOnlyDictionary<string, IReadOnlyList<string>> ProbeOptions, IReadOnlyList<string> CheckIds)
{
    public IReadOnlyCollection<string> ProbeIds => ProbeOptions.Keys.ToList();
}
