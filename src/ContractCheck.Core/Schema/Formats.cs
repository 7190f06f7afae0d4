using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ContractCheck.Core.Schema;

/// <summary>
/// Format assertions for the formats ContractCheck claims: date-time, date, time, email, uuid, uri,
/// ipv4, ipv6, byte (strings) and int32, int64 (numbers). Unknown formats always pass.
/// </summary>
public static partial class Formats
{
    public static readonly IReadOnlySet<string> Claimed = new HashSet<string>(StringComparer.Ordinal)
    {
        "date-time", "date", "time", "email", "uuid", "uri", "ipv4", "ipv6", "byte", "int32", "int64",
    };

    /// <summary>True when the string is valid for the format (or the format is not a string format ContractCheck knows).</summary>
    public static bool IsValidString(string format, string value) => format switch
    {
        "date-time" => DateTime(value),
        "date" => Date(value),
        "time" => Time(value),
        "email" => Email(value),
        "uuid" => UuidPattern().IsMatch(value),
        "uri" => Uri(value),
        "ipv4" => IPv4(value),
        "ipv6" => IPv6(value),
        "byte" => Base64(value),
        _ => true,
    };

    /// <summary>True when the number is within the format's range (int32, int64), or the format sets none.</summary>
    public static bool IsValidNumber(string format, decimal? value, bool isInteger) => format switch
    {
        "int32" => isInteger && value is >= int.MinValue and <= int.MaxValue,
        "int64" => isInteger && value is >= long.MinValue and <= long.MaxValue,
        _ => true,
    };

    private static bool Date(string value)
    {
        var m = DatePattern().Match(value);
        return m.Success && ValidDay(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value));
    }

    private static bool ValidDay(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= System.DateTime.DaysInMonth(Math.Max(1, year), month);

    private static bool DateTime(string value)
    {
        var t = value.IndexOfAny(['T', 't']);
        return t == 10 && Date(value[..10]) && Time(value[(t + 1)..]);
    }

    private static bool Time(string value)
    {
        var m = TimePattern().Match(value);
        if (!m.Success)
        {
            return false;
        }

        int hour = int.Parse(m.Groups["h"].Value), minute = int.Parse(m.Groups["m"].Value), second = int.Parse(m.Groups["s"].Value);
        if (hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var offsetMinutes = 0;
        if (m.Groups["oh"].Success)
        {
            int oh = int.Parse(m.Groups["oh"].Value), om = int.Parse(m.Groups["om"].Value);
            if (oh > 23 || om > 59)
            {
                return false;
            }

            offsetMinutes = (oh * 60 + om) * (m.Groups["sign"].Value == "-" ? -1 : 1);
        }

        if (second == 60)
        {
            // A leap second exists only at 23:59:60 UTC.
            var utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440;
            return utc == 23 * 60 + 59;
        }

        return true;
    }

    private static bool Email(string value)
    {
        var at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1)
        {
            return false;
        }

        var local = value[..at];
        var domain = value[(at + 1)..];
        if (local.StartsWith('"') && local.EndsWith('"') && local.Length >= 2)
        {
            return DomainOk(domain);
        }

        return LocalPattern().IsMatch(local) && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal) && DomainOk(domain);
    }

    private static bool DomainOk(string domain)
    {
        if (domain.StartsWith('[') && domain.EndsWith(']'))
        {
            var literal = domain[1..^1];
            return literal.StartsWith("IPv6:", StringComparison.Ordinal) ? IPv6(literal[5..]) : IPv4(literal);
        }

        return HostPattern().IsMatch(domain);
    }

    /// <summary>
    /// True for an RFC 3986 URI-reference: an absolute URI, or a relative reference (<c>/probs/out-of-credit</c>,
    /// <c>#x</c>, the empty string) whose first segment has no colon. Not claimed as a schema format; the
    /// problem-details check asks it.
    /// </summary>
    public static bool IsUriReference(string value)
    {
        if (UriPattern().IsMatch(value))
        {
            return Uri(value);
        }

        var firstSegment = value.IndexOfAny(['/', '?', '#']) is var end and >= 0 ? value[..end] : value;
        return !firstSegment.Contains(':', StringComparison.Ordinal) && UriCharacters(value)
            && (value.StartsWith("//", StringComparison.Ordinal) || value.IndexOfAny(['[', ']']) < 0)
            && System.Uri.TryCreate(value, UriKind.Relative, out _);
    }

    private static bool Uri(string value)
    {
        if (!UriPattern().IsMatch(value) || !UriCharacters(value))
        {
            return false;
        }

        // RFC 3986: '[' and ']' only delimit an IP literal host, never inside userinfo.
        var authority = value.IndexOf("//", StringComparison.Ordinal);
        if (authority >= 0)
        {
            var end = value.IndexOfAny(['/', '?', '#'], authority + 2);
            var part = end < 0 ? value[(authority + 2)..] : value[(authority + 2)..end];
            var at = part.LastIndexOf('@');
            if (at >= 0 && part[..at].IndexOfAny(['[', ']']) >= 0)
            {
                return false;
            }
        }

        return System.Uri.TryCreate(value, UriKind.Absolute, out _);
    }

    // Only characters a URI may hold (no spaces, no non-ASCII, none of <>"{}|\^`), and every % a valid escape.
    private static bool UriCharacters(string value)
    {
        if (value.Any(ch => ch > 0x7E || ch <= 0x20 || ch is '<' or '>' or '"' or '{' or '}' or '|' or '\\' or '^' or '`'))
        {
            return false;
        }

        for (var i = value.IndexOf('%', StringComparison.Ordinal); i >= 0; i = value.IndexOf('%', i + 1))
        {
            if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IPv4(string value)
    {
        var parts = value.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is >= 1 and <= 3 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0') && int.Parse(p) <= 255);
    }

    private static bool IPv6(string value) =>
        value.Length > 0 && !value.Contains('%', StringComparison.Ordinal) && value.All(ch => char.IsAsciiHexDigit(ch) || ch is ':' or '.')
        && (!value.Contains('.', StringComparison.Ordinal) || IPv4(value[(value.LastIndexOf(':') + 1)..]))
        && IPAddress.TryParse(value, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    private static bool Base64(string value)
    {
        if (value.Length % 4 != 0)
        {
            return false;
        }

        Span<byte> buffer = value.Length <= 4096 ? stackalloc byte[value.Length] : new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out _);
    }

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})-([0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?<h>[0-9]{2}):(?<m>[0-9]{2}):(?<s>[0-9]{2})(\.[0-9]+)?([Zz]|(?<sign>[+-])(?<oh>[0-9]{2}):(?<om>[0-9]{2}))\z", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex LocalPattern();

    [GeneratedRegex(@"^(?=.{1,253}\z)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex UriPattern();
}
