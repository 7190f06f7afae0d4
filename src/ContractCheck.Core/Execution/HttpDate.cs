using System.Globalization;

namespace ContractCheck.Core.Execution;

/// <summary>
/// HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient must accept too.
/// Used for Date, Last-Modified, Retry-After and a rules file's sunset.
/// </summary>
public static class HttpDate
{
    private static readonly string[] Forms = ["r", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy", "ddd MMM dd HH:mm:ss yyyy"];

    /// <summary>The instant, or null where the text is no HTTP-date.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        // asctime pads a one-digit day with a space: "Sun Nov  6 08:49:37 1994".
        var single = string.Join(' ', trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return DateTimeOffset.TryParseExact(single, Forms, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date) ? date : null;
    }
}
