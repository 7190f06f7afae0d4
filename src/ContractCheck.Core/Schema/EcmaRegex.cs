using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace ContractCheck.Core.Schema;

/// <summary>
/// Schema patterns are ECMA-262 regexes; .NET differs where it matters for validation: <c>\d</c> and
/// <c>\w</c> match any Unicode digit or letter in .NET but only ASCII in ECMA-262, <c>$</c> also
/// matches before a final newline in .NET, and Unicode property names are spelt differently. This
/// translates those and caches the compiled result (null for a pattern that does not compile).
/// </summary>
public static class EcmaRegex
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    private static readonly ConcurrentDictionary<string, Regex?> Cache = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> PropertyNames = new(StringComparer.Ordinal)
    {
        ["Letter"] = "L", ["Lowercase_Letter"] = "Ll", ["Uppercase_Letter"] = "Lu", ["Number"] = "N", ["Decimal_Number"] = "Nd",
        ["Punctuation"] = "P", ["Symbol"] = "S", ["Separator"] = "Z", ["Mark"] = "M", ["Other"] = "C",
    };

    public static Regex? Get(string pattern) => Cache.GetOrAdd(pattern, Compile);

    public static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(Translate(pattern), RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static string Translate(string pattern)
    {
        var sb = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                switch (next)
                {
                    case 'd':
                        sb.Append(inClass ? "0-9" : "[0-9]");
                        break;
                    case 'D':
                        sb.Append(inClass ? @"\D" : "[^0-9]");
                        break;
                    case 'w':
                        sb.Append(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]");
                        break;
                    case 'W':
                        sb.Append(inClass ? @"\W" : "[^a-zA-Z0-9_]");
                        break;
                    case 'p' or 'P' when i + 2 < pattern.Length && pattern[i + 2] == '{':
                        var close = pattern.IndexOf('}', i + 3);
                        if (close < 0)
                        {
                            sb.Append(c).Append(next);
                            break;
                        }

                        var name = pattern[(i + 3)..close];
                        sb.Append('\\').Append(next).Append('{').Append(PropertyNames.GetValueOrDefault(name, name)).Append('}');
                        i = close;
                        continue;
                    default:
                        sb.Append(c).Append(next);
                        break;
                }

                i++;
                continue;
            }

            if (c == '[' && !inClass)
            {
                inClass = true;
            }
            else if (c == ']' && inClass)
            {
                inClass = false;
            }
            else if (c == '$' && !inClass)
            {
                // ECMA-262 '$' (without the m flag) matches only at the very end.
                sb.Append(@"(?!\n)$");
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
