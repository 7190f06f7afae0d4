using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Reporting;

/// <summary>What a reporter knows when the run starts: the spec, the rules, the target, the plan, and how to mask secrets.</summary>
public sealed record RunStarted(ApiSpec Spec, RuleSet Rules, Uri BaseUrl, Plan Plan, Redactor Redactor, DateTimeOffset Started)
{
    /// <summary>ContractCheck's version, for reports that name the tool.</summary>
    public static string ToolVersion { get; } = typeof(RunStarted).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public IReadOnlyList<DesignWarning> DesignWarnings => Plan.DesignWarnings;

    /// <summary>Design warnings count as failures under <c>strict: true</c>.</summary>
    public bool DesignWarningsFail => Rules.Strict && DesignWarnings.Count > 0;
}
