namespace ContractCheck.Core.Rules;

/// <summary>
/// One row of a design table (<c>responses</c> in a rules file): for responses with these statuses
/// (optionally only for some probes or operations), what is required and what is forbidden.
/// </summary>
public sealed record ResponseRule(
    IReadOnlyList<StatusPattern> Status,
    IReadOnlyList<string> Probes,
    IReadOnlyList<OperationSelector> Operations,
    string Check,
    string? Why,
    ResponseConditions Require,
    ResponseConditions Forbid,
    SourceLocation Location)
{
    /// <summary><c>deprecated: true</c>: the row applies only to operations the spec marks <c>deprecated: true</c>.</summary>
    public bool Deprecated { get; init; }

    /// <summary><c>sunset: true</c>: the row applies only to operations with a sunset date (<see cref="RuleSet.SunsetOf"/>).</summary>
    public bool Sunset { get; init; }

    /// <summary>The check id of rows that do not name one.</summary>
    public const string DefaultCheck = "response-rules";

    /// <summary>"401 requires WWW-Authenticate (builtin:http line 9)" style label for reports.</summary>
    public string Label => $"{string.Join("/", Status)} row at {Location}";
}
