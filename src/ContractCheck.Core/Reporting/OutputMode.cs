namespace ContractCheck.Core.Reporting;

/// <summary>How much the console report shows (<c>--output</c>).</summary>
public enum OutputMode
{
    /// <summary>Every probe, the details of each failure, the warnings and the summary.</summary>
    Full,

    /// <summary>Only the failing probes with their details, design warnings and the summary: for CI logs.</summary>
    Failures,

    /// <summary>Only the summary.</summary>
    Summary,
}
