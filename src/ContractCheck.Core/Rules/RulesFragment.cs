namespace ContractCheck.Core.Rules;

/// <summary>What one rules file says, before it is merged with the files it extends. Null: not said.</summary>
internal sealed class RulesFragment
{
    public required string File { get; init; }

    public List<(string Name, SourceLocation Location)>? Extends { get; set; }

    public AuthSettings? Auth { get; set; }

    /// <summary>The identities this file gives; each replaces one of the same name from the files it extends.</summary>
    public List<Identity> Identities { get; } = [];

    public ErrorSettings? Errors { get; set; }

    public IReadOnlyList<int>? ValidationStatus { get; set; }

    public bool? HideExistence { get; set; }

    public int? MaxResponseMs { get; set; }

    public bool? ValidateFormats { get; set; }

    public bool? Stateful { get; set; }

    public List<RateLimitRule> RateLimits { get; } = [];

    public Dictionary<string, ProbeSettings> Probes { get; } = [];

    public List<OperationRules> Operations { get; } = [];

    public List<ResponseRule> Responses { get; } = [];

    public List<OperationSelector> Skip { get; } = [];

    public Dictionary<string, bool> Checks { get; } = [];

    public ExpectTable Expect { get; set; } = ExpectTable.Empty;

    public bool? Strict { get; set; }
}
