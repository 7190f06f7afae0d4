namespace ContractCheck.Core.Reporting;

/// <summary>One cell of the coverage matrix: the probes of one kind on one operation, and why those skipped were.</summary>
/// <param name="Kind">The probe kind.</param>
/// <param name="Planned">Probes of the kind on the operation.</param>
/// <param name="Sent">Probes that sent at least one request.</param>
/// <param name="Passed">Probes that passed.</param>
/// <param name="Failed">Probes with a failed or broken check.</param>
/// <param name="Skipped">Probes that tested nothing of their claim (not sent, or no answer judged).</param>
/// <param name="SkipReasons">Why, each reason once (at most three).</param>
public sealed record ProbeCoverage(string Kind, int Planned, int Sent, int Passed, int Failed, int Skipped, IReadOnlyList<string> SkipReasons)
{
    /// <summary>A matrix cell in a report's symbols: "✓3 ✗1", or the symbol alone for a kind's one probe.</summary>
    public string Marks(string passed, string failed, string skipped) =>
        string.Join(" ", new[] { (Passed, passed), (Failed, failed), (Skipped, skipped) }.Where(x => x.Item1 > 0)
            .Select(x => x.Item1 == 1 && Planned == 1 ? x.Item2 : x.Item2 + x.Item1.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
