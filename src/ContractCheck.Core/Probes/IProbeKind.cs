using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// A kind of probe (happy-path, missing-auth, …): decides from the spec which operations it applies
/// to and builds the requests; the rules decide what the answer must be. Pure: no I/O.
/// </summary>
public interface IProbeKind
{
    /// <summary>Stable kebab-case id used in rules files, console and JUnit.</summary>
    string Id { get; }

    /// <summary>The option keys this kind accepts under <c>probes.&lt;id&gt;</c> in a rules file.</summary>
    IReadOnlyList<string> OptionKeys { get; }

    IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context);
}
