using System.Text.Json.Nodes;
using ContractCheck.Core.Checks;

namespace ContractCheck.Core.Execution;

/// <summary>
/// Reads the id of a created item from a create's answer: where the rules or the spec's links say
/// (<see cref="Probes.Probe.IdFrom"/>), else the Location header matched against the item path, else the first
/// member of the body named like the item path's parameter, <c>id</c>, <c>uuid</c>, <c>name</c> or
/// <c>&lt;resource&gt;Id</c> (<see cref="Probes.Probe.IdMembers"/>). A 200 or 202 that describes another item than
/// the one sent (every string member it shares with the request differs) names no id: the run must never take
/// an item it did not make for its own (a 201 says it was created).
/// </summary>
public static class CreatedIds
{
    public static string? Extract(Exchange exchange, string itemKey, string? idPath = null)
    {
        var response = exchange.Response!;
        if (response.Status != 201 && !DescribesWhatWasSent(exchange))
        {
            return null;
        }

        if (idPath is not null)
        {
            return Rules.JsonPath.TrySelect(BodyJson.TryParse(response.Body), idPath, out var value) ? Scalar(value) : null;
        }

        if (response.Header("Location") is { } location && Uri.TryCreate(exchange.Request.Url, location, out var resolved))
        {
            var itemSegments = itemKey.Trim('/').Split('/');
            var segments = resolved.AbsolutePath.Trim('/').Split('/');
            if (segments.Length >= itemSegments.Length && itemSegments[^1] == "{}" && Uri.UnescapeDataString(segments[^1]) is { Length: > 0 } last)
            {
                return last;
            }
        }

        if (BodyJson.TryParse(response.Body) is not JsonObject body)
        {
            return null;
        }

        foreach (var member in exchange.Probe.IdMembers)
        {
            if (body.FirstOrDefault(p => p.Key.Equals(member, StringComparison.OrdinalIgnoreCase)).Value is JsonValue value && Scalar(value) is { Length: > 0 } id)
            {
                return id;
            }
        }

        return null;
    }

    // A create that answers with an item carrying none of the values it was sent (an existing item handed back) made nothing of ours.
    private static bool DescribesWhatWasSent(Exchange exchange)
    {
        if (BodyJson.TryParse(exchange.Request.Body) is not JsonObject sent || BodyJson.TryParse(exchange.Response!.Body) is not JsonObject answer)
        {
            return true;
        }

        var shared = sent.Where(p => p.Value is JsonValue v && v.TryGetValue(out string? _) && answer[p.Key] is JsonValue a && a.TryGetValue(out string? _)).ToList();
        return shared.Count == 0 || shared.Any(p => string.Equals(p.Value!.GetValue<string>().Trim(), answer[p.Key]!.GetValue<string>().Trim(), StringComparison.OrdinalIgnoreCase));
    }

    private static string? Scalar(JsonNode? value) => value is JsonValue v ? (v.TryGetValue(out string? s) ? s : v.ToJsonString()) : null;
}
