using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Checks;

/// <summary>A finding with the probe and exchange it is about (no exchange for a probe that did not run).</summary>
public sealed record CheckResult(Probe Probe, Exchange? Exchange, Finding Finding);
