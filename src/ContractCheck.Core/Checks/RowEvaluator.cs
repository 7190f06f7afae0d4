using System.Text.Json.Nodes;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Checks;

/// <summary>Evaluates a row's <c>require</c> and <c>forbid</c> conditions on a response; each broken condition is one sentence.</summary>
public static class RowEvaluator
{
    public static IEnumerable<RowProblem> Require(ResponseConditions conditions, ReceivedResponse response)
    {
        foreach (var header in conditions.Headers)
        {
            var values = response.HeaderValues(header.Name).ToList();
            if (values.Count == 0)
            {
                yield return new($"header {header.Name} is missing", $"header {header.Name}", "no such header");
            }
            else if (header.Pattern is { } pattern && !values.Any(pattern.IsMatch))
            {
                yield return new($"header {header.Name}: '{values[0]}' does not match {pattern}", $"{header.Name} matching {pattern}", values[0]);
            }
        }

        if (conditions.BodyEmpty is true && AnnouncedBody(response) is { } announced)
        {
            yield return new($"the body must be empty but {announced}", "no body", announced);
        }

        if (conditions.BodyEmpty is false && response.Body.Length == 0)
        {
            yield return new("the body is empty", "a body", "an empty body");
        }

        foreach (var pattern in conditions.BodyMatches.Where(p => !p.IsMatch(response.BodyText)))
        {
            yield return new($"the body does not match {pattern}", $"a body matching {pattern}", Excerpt(response.BodyText));
        }

        foreach (var (path, expected) in conditions.Json)
        {
            if (!JsonPath.TrySelect(BodyJson.TryParse(response.Body), path, out var actual))
            {
                yield return new($"the body has no {path}", $"{path} = {Show(expected)}", "absent");
            }
            else if (!JsonNode.DeepEquals(actual, expected))
            {
                yield return new($"{path} is {Show(actual)}, not {Show(expected)}", $"{path} = {Show(expected)}", Show(actual));
            }
        }

        if (conditions.ContentTypes.Count > 0 && !conditions.ContentTypes.Any(t => response.ContentType is { } ct && MediaTypes.Matches(ct, t)))
        {
            yield return new($"Content-Type {response.ContentType ?? "(none)"} is not {string.Join(" or ", conditions.ContentTypes)}", string.Join(" or ", conditions.ContentTypes), response.ContentType ?? "(none)");
        }
    }

    public static IEnumerable<RowProblem> Forbid(ResponseConditions conditions, ReceivedResponse response)
    {
        foreach (var header in conditions.Headers)
        {
            foreach (var value in response.HeaderValues(header.Name))
            {
                if (header.Pattern is null)
                {
                    yield return new($"header {header.Name} must not be sent", $"no {header.Name} header", value);
                    break;
                }

                if (header.Pattern.IsMatch(value))
                {
                    yield return new($"header {header.Name}: '{value}' matches the forbidden {header.Pattern}", $"{header.Name} not matching {header.Pattern}", value);
                    break;
                }
            }
        }

        if (conditions.BodyEmpty is true && response.Body.Length == 0)
        {
            yield return new("the body must not be empty", "a body", "an empty body");
        }

        foreach (var pattern in conditions.BodyMatches)
        {
            var match = pattern.Match(response.BodyText);
            if (match.Success)
            {
                yield return new($"the body contains '{Excerpt(match.Value)}'", $"a body without {pattern}", Excerpt(match.Value));
            }
        }

        foreach (var (path, forbidden) in conditions.Json)
        {
            if (JsonPath.TrySelect(BodyJson.TryParse(response.Body), path, out var actual) && JsonNode.DeepEquals(actual, forbidden))
            {
                yield return new($"{path} is {Show(actual)}", $"{path} other than {Show(forbidden)}", Show(actual));
            }
        }

        if (conditions.ContentTypes.Any(t => response.ContentType is { } ct && MediaTypes.Matches(ct, t)))
        {
            yield return new($"Content-Type {response.ContentType} is forbidden here", "not " + string.Join(" or ", conditions.ContentTypes), response.ContentType!);
        }
    }

    // HTTP clients drop the bytes of a 204's body unread, so a 204 that says Content-Length: 11 (or is
    // chunked) has announced a body even when none was read (RFC 9110 8.6 forbids the header on a 204).
    private static string? AnnouncedBody(ReceivedResponse response)
    {
        if (response.Body.Length > 0)
        {
            return $"has {response.Body.Length} bytes";
        }

        if (response.Status == 204 && response.Header("Content-Length") is { } length && length.Trim() != "0")
        {
            return $"the response announces one (Content-Length: {length})";
        }

        if (response.Status == 204 && response.Header("Transfer-Encoding") is { } encoding)
        {
            return $"the response announces one (Transfer-Encoding: {encoding})";
        }

        return null;
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static string Excerpt(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length > 80 ? oneLine[..80] + "…" : oneLine;
    }
}
