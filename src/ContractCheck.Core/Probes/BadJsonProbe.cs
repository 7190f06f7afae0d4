using System.Text;
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
        if (!LeavesOpen(cut))
        {
            cut = "{\"contractcheck\": ";
        }

        return Encoding.UTF8.GetBytes(cut);
    }

    /// <summary>
    /// True when the text opens an object or array and never closes it: no JSON parser can accept it. A cut that
    /// might still be JSON (a number cut short, a container closed early) is not used; planning throws nothing to tell.
    /// </summary>
    public static bool LeavesOpen(string text)
    {
        var depth = 0;
        var inString = false;
        var escaped = false;
        foreach (var c in text)
        {
            if (inString)
            {
                (escaped, inString) = escaped ? (false, true) : (c == '\\', c != '"');
                continue;
            }

            switch (c)
            {
                case '"' when depth > 0:
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (--depth <= 0)
                    {
                        return false;
                    }

                    break;
                default:
                    if (depth == 0 && !char.IsWhiteSpace(c))
                    {
                        return false;
                    }

                    break;
            }
        }

        return depth > 0;
    }
}
