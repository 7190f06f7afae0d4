using System.Text;
using System.Text.Json.Nodes;
using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Execution;

/// <summary>
/// Writes the id of an item the run made into a create's body just before it is sent (<see cref="PlannedRequest.IdInBody"/>):
/// the id its own create step got back (read as <see cref="CreatedIds"/> reads it), never another. Where the client chooses ids, only if that id is what the create
/// sent in the same member: otherwise the server chose it, and the request is not sent.
/// </summary>
internal static class BodyIds
{
    public static (PlannedRequest Request, string? Problem) Fill(PlannedRequest planned, Probe probe, IReadOnlyList<Exchange> earlier)
    {
        if (planned.IdInBody is not { } bodyId)
        {
            return (planned, null);
        }

        var create = earlier.LastOrDefault(e => e.Planned.Step == Steps.Create && e.Response is { Status: >= 200 and < 300 });
        if (create is null || probe.Creates is not { } key || CreatedIds.Extract(create, key, probe.IdFrom) is not { } id)
        {
            return (planned, "not sent: the create's answer named no id ContractCheck could read");
        }

        if (bodyId.ClientChosen)
        {
            var sent = Member(create.Request.Body, bodyId.Member);
            if (!string.Equals(sent, id, StringComparison.OrdinalIgnoreCase))
            {
                return (planned, $"not sent: the item's id {id} is not the '{bodyId.Member}' its create sent ({sent ?? "none"}): the server chooses ids, so no create can name an existing one");
            }
        }

        if (Checks.BodyJson.TryParse(planned.Body) is not JsonObject body)
        {
            return (planned, "not sent: the create's body is not a JSON object to carry the id");
        }

        body[bodyId.Member] = bodyId.AsNumber && decimal.TryParse(id, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(id);
        return (planned with { Body = Encoding.UTF8.GetBytes(body.ToJsonString()) }, null);
    }

    /// <summary>The top-level member of a JSON body as text (a string as it is, a number as written), or null.</summary>
    public static string? Member(byte[]? body, string member) =>
        Checks.BodyJson.TryParse(body) is JsonObject o && o[member] is JsonValue v ? (v.TryGetValue(out string? s) ? s : v.ToJsonString()) : null;
}
