using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// A planned check of one operation by one probe kind: the requests to send and the status expected.
/// A probe that cannot be built (a required value it cannot make) carries a <see cref="SkipReason"/> instead.
/// </summary>
public sealed record Probe(
    string Kind,
    ApiOperation Operation,
    IReadOnlyList<PlannedRequest> Requests,
    ExpectedStatus? Expected,
    string? SkipReason = null)
{
    /// <summary>When set, the id of the resource this probe's answer creates is bound under this key for later probes.</summary>
    public string? Creates { get; init; }

    /// <summary>"happy-path GET /todos/{id}" for reports.</summary>
    public string Name => $"{Kind} {Operation.Key}";
}
