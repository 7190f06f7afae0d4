using System.Text.Json;
using System.Text.Json.Nodes;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Checks;

/// <summary>Evaluates a row's <c>require</c> and <c>forbid</c> conditions on a response; each broken condition is one sentence.</summary>
public static class RowEvaluator
{
    public static IEnumerable<string> Require(ResponseConditions conditions, ReceivedResponse response)
    {
        foreach (var header in conditions.Headers)
        {
            var values = response.HeaderValues(header.Name).ToList();
            if (values.Count == 0)
            {
                yield return $"header {header.Name} is missing";
            }
            else if (header.Pattern is { } pattern && !values.Any(pattern.IsMatch))
            {
                yield return $"header {header.Name}: '{values[0]}' does not match {pattern}";
            }
        }

        if (conditions.BodyEmpty is true && response.Body.Length > 0)
        {
            yield return $"the body must be empty but has {response.Body.Length} bytes";
        }

        if (conditions.BodyEmpty is false && response.Body.Length == 0)
        {
            yield return "the body is empty";
        }

        foreach (var pattern in conditions.BodyMatches.Where(p => !p.IsMatch(response.BodyText)))
        {
            yield return $"the body does not match {pattern}";
        }

        foreach (var (path, expected) in conditions.Json)
        {
            if (!JsonPath.TrySelect(ParseBody(response), path, out var actual))
            {
                yield return $"the body has no {path}";
            }
            else if (!JsonNode.DeepEquals(actual, expected))
            {
                yield return $"{path} is {Show(actual)}, not {Show(expected)}";
            }
        }

        if (conditions.ContentTypes.Count > 0 && !conditions.ContentTypes.Any(t => response.ContentType is { } ct && MediaTypes.Matches(ct, t)))
        {
            yield return $"Content-Type {response.ContentType ?? "(none)"} is not {string.Join(" or ", conditions.ContentTypes)}";
        }
    }

    public static IEnumerable<string> Forbid(ResponseConditions conditions, ReceivedResponse response)
    {
        foreach (var header in conditions.Headers)
        {
            foreach (var value in response.HeaderValues(header.Name))
            {
                if (header.Pattern is null)
                {
                    yield return $"header {header.Name} must not be sent";
                    break;
                }

                if (header.Pattern.IsMatch(value))
                {
                    yield return $"header {header.Name}: '{value}' matches the forbidden {header.Pattern}";
                    break;
                }
            }
        }

        if (conditions.BodyEmpty is true && response.Body.Length == 0)
        {
            yield return "the body must not be empty";
        }

        foreach (var pattern in conditions.BodyMatches)
        {
            var match = pattern.Match(response.BodyText);
            if (match.Success)
            {
                yield return $"the body contains '{Excerpt(match.Value)}' (matches {pattern})";
            }
        }

        foreach (var (path, forbidden) in conditions.Json)
        {
            if (JsonPath.TrySelect(ParseBody(response), path, out var actual) && JsonNode.DeepEquals(actual, forbidden))
            {
                yield return $"{path} is {Show(actual)}";
            }
        }

        if (conditions.ContentTypes.Any(t => response.ContentType is { } ct && MediaTypes.Matches(ct, t)))
        {
            yield return $"Content-Type {response.ContentType} is forbidden here";
        }
    }

    private static JsonNode? ParseBody(ReceivedResponse response)
    {
        try
        {
            return response.Body.Length == 0 ? null : JsonNode.Parse(response.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static string Excerpt(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length > 80 ? oneLine[..80] + "…" : oneLine;
    }
}
