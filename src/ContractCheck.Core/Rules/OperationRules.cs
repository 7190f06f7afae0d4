using System.Text.Json.Nodes;

namespace ContractCheck.Core.Rules;

/// <summary>Per-operation settings from the rules' <c>operations</c> section.</summary>
public sealed record OperationRules(
    OperationSelector Selector,
    IReadOnlyDictionary<string, string> Params,
    JsonNode? Body,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, IReadOnlyList<StatusPattern>> Expect)
{
    /// <summary>For a create: where in its answer's body the new item's id is (a JSON path such as <c>$.data.id</c>).</summary>
    public string? Id { get; init; }

    /// <summary>
    /// <c>public: true</c>: the operation needs no credentials whatever the spec's security says (a login, a health
    /// check under a global requirement): missing-auth and invalid-auth leave it out.
    /// </summary>
    public bool Public { get; init; }

    /// <summary><c>sunset: 2027-06-30</c>: the date the operation goes away (a date, a date-time or an HTTP-date), where the spec's <c>x-sunset</c> does not say.</summary>
    public string? Sunset { get; init; }
}
