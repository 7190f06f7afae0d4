using System.Globalization;

namespace ContractCheck.Core.Execution;

/// <summary>
/// HTTP-date (RFC 9110 §5.6.7). A sender generates IMF-fixdate only (<see cref="ParseFixdate"/>: what a check holds a
/// server to); a recipient accepts the obsolete RFC 850 and asctime forms too (<see cref="Parse"/>: what the run reads
/// to know when, as Date, Last-Modified and Retry-After).
/// </summary>
public static class HttpDate
{
    private static readonly string[] Fixdate = ["r"];
    private static readonly string[] Forms = ["r", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy", "ddd MMM dd HH:mm:ss yyyy"];

    /// <summary>The instant of any of the three forms a recipient must accept, or null.</summary>
    public static DateTimeOffset? Parse(string? text) => Read(text, Forms);

    /// <summary>The instant of an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), the only form a sender may write, or null.</summary>
    public static DateTimeOffset? ParseFixdate(string? text) => Read(text, Fixdate);

    private static DateTimeOffset? Read(string? text, string[] forms)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        // asctime pads a one-digit day with a space: "Sun Nov  6 08:49:37 1994".
        var single = string.Join(' ', trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return DateTimeOffset.TryParseExact(single, forms, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date) ? date : null;
    }
}
