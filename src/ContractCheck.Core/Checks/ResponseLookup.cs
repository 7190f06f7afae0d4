using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Checks;

/// <summary>Finds the spec response that covers a status: the exact code, else its class (4XX), else default.</summary>
public static class ResponseLookup
{
    public static (string? Key, IOpenApiResponse? Response) Find(ApiOperation operation, int status)
    {
        var responses = operation.Model.Responses;
        if (responses is null || responses.Count == 0)
        {
            return (null, null);
        }

        var code = status.ToString();
        var range = code[0] + "XX";
        foreach (var key in new[] { code, range, "default" })
        {
            var match = responses.FirstOrDefault(r => r.Key.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (match.Key is not null)
            {
                // Documented, but an unresolved reference tells nothing more about it.
                return (match.Key, Resolved.IsUnresolved(match.Value) ? null : match.Value);
            }
        }

        return (null, null);
    }
}
