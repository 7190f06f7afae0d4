using System.Text.Json;
using System.Text.Json.Nodes;
using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Execution;

/// <summary>
/// Reads the id of a created resource from a create's answer: from the Location header matched
/// against the item path, else from the body's <c>id</c> (or a property ending in "id").
/// </summary>
public static class CreatedIds
{
    public static string? Extract(Uri requestUrl, ReceivedResponse response, string itemKey, string? idPath = null)
    {
        if (idPath is not null)
        {
            return FromPath(response, idPath);
        }

        if (response.Header("Location") is { } location && Uri.TryCreate(requestUrl, location, out var resolved))
        {
            var itemSegments = itemKey.Trim('/').Split('/');
            var segments = resolved.AbsolutePath.Trim('/').Split('/');
            if (segments.Length >= itemSegments.Length && itemSegments[^1] == "{}")
            {
                var last = Uri.UnescapeDataString(segments[^1]);
                if (last.Length > 0)
                {
                    return last;
                }
            }
        }

        return FromBody(response);
    }

    private static string? FromPath(ReceivedResponse response, string path)
    {
        try
        {
            return Rules.JsonPath.TrySelect(JsonNode.Parse(response.Body), path, out var value) && value is JsonValue v
                ? (v.TryGetValue(out string? s) ? s : v.ToJsonString())
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? FromBody(ReceivedResponse response)
    {
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(response.Body);
        }
        catch (JsonException)
        {
            return null;
        }

        if (body is not JsonObject obj)
        {
            return null;
        }

        var candidate = obj.FirstOrDefault(p => p.Key.Equals("id", StringComparison.OrdinalIgnoreCase)).Value
            ?? obj.FirstOrDefault(p => p.Key.EndsWith("id", StringComparison.OrdinalIgnoreCase) && p.Value is JsonValue).Value;
        return candidate is JsonValue v ? (v.TryGetValue(out string? s) ? s : v.ToJsonString()) : null;
    }
}
