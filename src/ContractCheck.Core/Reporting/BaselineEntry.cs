namespace ContractCheck.Core.Reporting;

/// <summary>One known finding in a baseline file: its fingerprint, and where it was found, for people reading the diff.</summary>
public sealed record BaselineEntry(string Fingerprint, string Operation, string Probe, string? Step, string Check, string Title)
{
    public static BaselineEntry From(ReportedFinding finding) =>
        new(finding.Fingerprint, finding.Operation.Key, finding.Probe, finding.Step, finding.Check, finding.Title);

    /// <summary>Where the finding's check judged (see <see cref="Reporting.Fingerprint.Key"/>).</summary>
    public string Key => Reporting.Fingerprint.Key(Operation, Probe, Step, Check);

    /// <summary>"POST /todos bad-json: expected-status" for lists.</summary>
    public string Name => $"{Operation} {Probe}{(Step is null ? "" : $" ({Step})")}: {Check}";
}
