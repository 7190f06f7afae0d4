namespace ContractCheck.Core.Reporting;

/// <summary>A finding against the baseline (<c>--baseline</c>).</summary>
public enum BaselineState
{
    /// <summary>Not in the baseline: fails the run.</summary>
    New,

    /// <summary>In the baseline: reported, does not fail the run.</summary>
    Known,
}
