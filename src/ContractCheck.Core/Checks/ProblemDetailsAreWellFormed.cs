using System.Text.Json;
using System.Text.Json.Nodes;
using ContractCheck.Core.Schema;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Checks;

/// <summary>
/// problem-details: a body sent as <c>application/problem+json</c> is a problem details object (RFC 9457 §3): its
/// <c>status</c>, when present, is the HTTP status of the response (§3.1.2); <c>type</c> (§3.1.1) and <c>instance</c>
/// (§3.1.5) are URI references; <c>title</c> (§3.1.3) and <c>detail</c> (§3.1.4) are strings. Extension members are free.
/// </summary>
public sealed class ProblemDetailsAreWellFormed : ICheck
{
    public const string CheckId = "problem-details";
    public const string MediaType = "application/problem+json";
    private const string Title = "Malformed problem details";
    private const string Source = "RFC 9457 §3.1";

    public string Id => CheckId;

    public string Description => "an application/problem+json body is an RFC 9457 problem object: status equals the HTTP status, type and instance are URI references, title and detail are strings";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var response = context.Response;
        if (response.ContentType is not { } type || MediaTypes.Essence(type) != MediaType || response.Body.Length == 0 || response.Truncated)
        {
            yield break;
        }

        var problems = Problems(BodyJson.TryParse(response.Body), response.Status).ToList();
        if (problems.Count == 0)
        {
            yield return Finding.Pass(Id, Title, Source);
            yield break;
        }

        foreach (var (message, expected, actual) in problems)
        {
            yield return Finding.Fail(Id, Title, $"{response.Status}: {message} (RFC 9457)", expected, actual, Source);
        }
    }

    private static IEnumerable<(string Message, string Expected, string Actual)> Problems(JsonNode? body, int status)
    {
        if (body is not JsonObject problem)
        {
            yield return ("an application/problem+json body must be a JSON object (§3)", "a JSON object", body is null ? "not JSON" : Kind(body));
            yield break;
        }

        if (problem.TryGetPropertyValue("status", out var statusNode))
        {
            if (statusNode is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
            {
                yield return ("'status' must be a JSON number (§3.1.2)", $"the number {status}", Show(statusNode));
            }
            else if (!value.TryGetValue(out decimal number) || number != status)
            {
                yield return ($"'status' is {Show(statusNode)} but the response's status is {status}: it must be the same (§3.1.2)", status.ToString(System.Globalization.CultureInfo.InvariantCulture), Show(statusNode));
            }
        }

        foreach (var (member, section) in new[] { ("type", "§3.1.1"), ("instance", "§3.1.5") })
        {
            if (problem.TryGetPropertyValue(member, out var node) && !(node is JsonValue v && v.TryGetValue(out string? text) && Formats.IsUriReference(text)))
            {
                yield return ($"'{member}' must be a URI reference ({section})", "a URI reference such as \"about:blank\" or \"/problems/out-of-credit\"", Show(node));
            }
        }

        foreach (var (member, section) in new[] { ("title", "§3.1.3"), ("detail", "§3.1.4") })
        {
            if (problem.TryGetPropertyValue(member, out var node) && !(node is JsonValue v && v.GetValueKind() == JsonValueKind.String))
            {
                yield return ($"'{member}' must be a string ({section})", "a string", Show(node));
            }
        }
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static string Kind(JsonNode node) => node switch
    {
        JsonArray => "a JSON array",
        JsonValue v => "a JSON " + v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "JSON",
    };
}
