using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractCheck.Core.Checks;

/// <summary>no-error-in-success: a 2xx answer does not report a failure in its body (<c>success: false</c>, <c>ok: false</c>, only an error).</summary>
public sealed class SuccessCarriesNoError : ICheck
{
    public const string CheckId = "no-error-in-success";
    private const string Title = "Error reported inside a success response";

    public string Id => CheckId;

    public string Description => "a 2xx body does not say it failed: no \"success\": false, \"ok\": false, \"status\": \"error\", and not only an \"error\" object";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Response.Status is < 200 or >= 300 || context.Response.Body.Length == 0)
        {
            yield break;
        }

        if (BodyJson.TryParse(context.Response.Body) is not { } body)
        {
            yield break;
        }

        var problem = body is JsonObject obj ? Problem(obj) : null;
        yield return problem is null
            ? Finding.Pass(Id, Title)
            : Finding.Fail(Id, Title, $"{context.Response.Status} success status, but the body says {problem} — a failure must use a 4xx/5xx status", "a 2xx body that does not report an error", problem);
    }

    private static string? Problem(JsonObject obj)
    {
        foreach (var flag in new[] { "success", "ok" })
        {
            if (obj.TryGetPropertyValue(flag, out var v) && v is JsonValue value && value.GetValueKind() == JsonValueKind.False)
            {
                return $"\"{flag}\": false";
            }
        }

        if (obj.TryGetPropertyValue("status", out var status) && status is JsonValue s && s.TryGetValue(out string? text) && text is "error" or "fail" or "failure")
        {
            return $"\"status\": \"{text}\"";
        }

        if (obj.Count == 1 && obj.First() is { Key: "error" or "errors", Value: not null } only)
        {
            return $"only an \"{only.Key}\" member";
        }

        return null;
    }
}
