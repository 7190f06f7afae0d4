using System.Text;
using System.Text.Json;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>bad-json: an operation that takes a JSON body, sent a truncated one; expects 400, never 5xx.</summary>
public sealed class BadJsonProbe : IProbeKind
{
    public string Id => "bad-json";

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context) =>
        RequestBuilder.BodyMediaType(operation) is { } type && MediaTypes.IsJson(type)
            ? ProbeTable.Single(Id, operation, context, (valid, _) => valid with { Body = Broken(valid.Body) })
            : [];

    /// <summary>The valid body cut in half: an unterminated document every JSON parser must refuse.</summary>
    public static byte[] Broken(byte[]? valid)
    {
        var text = valid is null ? "" : Encoding.UTF8.GetString(valid);
        var cut = text.Length >= 4 ? text[..(text.Length / 2)] : "";
        if (cut.Length == 0 || IsJson(cut))
        {
            cut = "{\"contractcheck\": ";
        }

        return Encoding.UTF8.GetBytes(cut);
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
