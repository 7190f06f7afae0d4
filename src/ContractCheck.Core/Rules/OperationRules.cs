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
}
