namespace ContractCheck.Core.Reporting;

/// <summary>One cell of the coverage matrix: the probes of one kind on one operation, and why those skipped were.</summary>
/// <param name="Kind">The probe kind.</param>
/// <param name="Planned">Probes of the kind on the operation.</param>
/// <param name="Sent">Probes that sent at least one request.</param>
/// <param name="Passed">Probes that passed.</param>
/// <param name="Failed">Probes with a failed or broken check.</param>
/// <param name="Skipped">Probes that tested nothing of their claim (not sent, or no answer judged).</param>
/// <param name="SkipReasons">Why, each reason once (at most three).</param>
public sealed record ProbeCoverage(string Kind, int Planned, int Sent, int Passed, int Failed, int Skipped, IReadOnlyList<string> SkipReasons);
