using System.Text.Json.Nodes;

namespace ContractCheck.Core.Rules;

/// <summary>The error shape from the rules' <c>errors</c> section: a schema ($ref or inline) and media types.</summary>
public sealed record ErrorSettings(string? SchemaRef, JsonNode? InlineSchema, IReadOnlyList<string> ContentTypes, SourceLocation? Location)
{
    public static ErrorSettings None { get; } = new(null, null, [], null);

    public bool HasSchema => SchemaRef is not null || InlineSchema is not null;
}
