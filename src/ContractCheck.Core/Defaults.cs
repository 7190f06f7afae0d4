using ContractCheck.Core.Checks;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;

namespace ContractCheck.Core;

/// <summary>The registries wired together: what a rules file may name comes from the probes and checks that exist.</summary>
public static class Defaults
{
    /// <summary>Probe and check ids, with each probe's option keys.</summary>
    public static RulesVocabulary Vocabulary { get; } = new(
        ProbeKinds.All.ToDictionary(k => k.Id, k => k.OptionKeys),
        BuiltInChecks.All.Select(c => c.Id).ToList());
}
