namespace ContractCheck.Core.Reporting;

/// <summary>
/// What the run exercised: for each operation of the plan, each probe kind sent / passed / failed / skipped (with the
/// reasons), each documented response status seen or never seen, and the statuses seen that the spec does not document.
/// An operation is exercised when at least one of its probes was sent and judged (not skipped).
/// </summary>
public sealed record Coverage(IReadOnlyList<OperationCoverage> Operations)
{
    public int Exercised => Operations.Count(o => o.Exercised);

    /// <summary>Percent of the plan's operations exercised (100 for a plan without operations).</summary>
    public double Percent => Operations.Count == 0 ? 100 : 100.0 * Exercised / Operations.Count;

    /// <summary>The probe kinds of the run, in the order their probes were planned.</summary>
    public IReadOnlyList<string> Kinds => Operations.SelectMany(o => o.Probes).Select(p => p.Kind).Distinct().ToList();

    /// <summary>"5 of 6 operations exercised (83%)".</summary>
    public string Summary => $"{Exercised} of {Operations.Count} operations exercised ({Math.Floor(Percent):0}%)";
}
