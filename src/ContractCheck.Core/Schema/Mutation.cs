using System.Text.Json.Nodes;

namespace ContractCheck.Core.Schema;

/// <summary>
/// A valid value with exactly one rule of its schema broken: what was done ("'title' removed"), the
/// keyword it breaks, where (a JSON pointer into the value), and the broken value itself.
/// </summary>
public sealed record Mutation(string Description, string Keyword, string Pointer, JsonNode? Value)
{
    public override string ToString() => Description;
}
