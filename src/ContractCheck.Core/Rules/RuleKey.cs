using System.Text.Json.Nodes;

namespace ContractCheck.Core.Rules;

/// <summary>One key of a rules file mapping: its name, what it holds, what it means, and its default when left out.</summary>
internal sealed record RuleKey(string Name, RuleShape Shape, string Description)
{
    /// <summary>The mapping is refused without this key.</summary>
    public bool Required { get; init; }

    /// <summary>What applies when the key is left out, as YAML would write it; null when nothing does.</summary>
    public JsonNode? Default { get; init; }

    /// <summary>
    /// Set for a key the parser recognises only to explain why it is not supported (a row's <c>schema</c>): it is no part
    /// of the JSON Schema, and the parser refuses it with its own message.
    /// </summary>
    public bool Refused { get; init; }
}
