using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ContractCheck.Core.Rules;

/// <summary>
/// The fixed vocabulary of a rules row's <c>require</c> or <c>forbid</c>: headers, an empty body,
/// body patterns, JSON values at paths, and content types.
/// </summary>
public sealed record ResponseConditions(
    IReadOnlyList<HeaderCondition> Headers,
    bool? BodyEmpty,
    IReadOnlyList<Regex> BodyMatches,
    IReadOnlyList<KeyValuePair<string, JsonNode?>> Json,
    IReadOnlyList<string> ContentTypes)
{
    public static ResponseConditions None { get; } = new([], null, [], [], []);

    public bool IsEmpty => Headers.Count == 0 && BodyEmpty is null && BodyMatches.Count == 0 && Json.Count == 0 && ContentTypes.Count == 0;
}
