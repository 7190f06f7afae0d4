using System.Text;
using System.Text.RegularExpressions;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Schema;

/// <summary>Turns instance pointers (<c>/items/3/price</c>) into the JSON paths people read (<c>$.items[3].price</c>).</summary>
public static partial class InstancePaths
{
    public static string ToJsonPath(string pointer)
    {
        var sb = new StringBuilder("$");
        foreach (var segment in Pointer.Split(pointer))
        {
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit))
            {
                sb.Append('[').Append(segment).Append(']');
            }
            else if (Identifier().IsMatch(segment))
            {
                sb.Append('.').Append(segment);
            }
            else
            {
                sb.Append("['").Append(segment.Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^[A-Za-z_$][\w$-]*$")]
    private static partial Regex Identifier();
}
