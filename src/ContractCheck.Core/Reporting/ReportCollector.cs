using ContractCheck.Core.Checks;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// Keeps every probe of the run, exchanges and all, and makes the whole <see cref="RunReport"/> of it: for tests and
/// in-process callers that look at everything afterwards. Not for large runs: it holds every response to the end.
/// </summary>
public sealed class ReportCollector : IReporter
{
    private readonly List<ProbeResults> _probes = [];

    /// <summary>The whole run, once it has ended.</summary>
    public RunReport? Report { get; private set; }

    public void Begin(RunStarted run)
    {
    }

    public void Probe(ProbeResults probe) => _probes.Add(probe);

    public void End(RunFinished run) => Report = new RunReport(run, _probes.OrderBy(p => p.Index).ToList());
}
