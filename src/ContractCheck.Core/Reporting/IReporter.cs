using ContractCheck.Core.Checks;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// Observes a run as it goes: told when it starts, of each probe as soon as it is judged, and when it ends. A
/// reporter keeps only what its output needs (counts, failures with their evidence), never every exchange, so memory
/// does not grow with the run. The run calls it from one thread at a time, the probes in report order (stage, then
/// plan index), so what it writes is the same for any number of workers. Reporters see only these three calls.
/// </summary>
public interface IReporter
{
    /// <summary>Before the first request: what is checked, against what, with which plan.</summary>
    void Begin(RunStarted run);

    /// <summary>One probe, sent and judged.</summary>
    void Probe(ProbeResults probe);

    /// <summary>After the clean-up (also after a cancel or a dead target): totals, coverage, findings.</summary>
    void End(RunFinished run);
}
