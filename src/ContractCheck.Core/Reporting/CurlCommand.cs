using System.Text;
using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Reporting;

/// <summary>A curl command line that sends the same request again, secrets masked.</summary>
public static class CurlCommand
{
    public static string For(SentRequest request, Redactor redactor)
    {
        var sb = new StringBuilder("curl -i -X ").Append(request.Method).Append(' ').Append(Quote(redactor.Url(request.Url)));
        foreach (var (name, value) in request.Headers)
        {
            sb.Append(" -H ").Append(Quote($"{name}: {redactor.Header(name, value)}"));
        }

        if (request.Body is { Length: > 0 } body)
        {
            sb.Append(" --data-binary ").Append(Quote(redactor.Text(Printable(body))));
        }

        return sb.ToString();
    }

    /// <summary>POSIX shell single-quoting: 'it'\''s'.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Printable(byte[] body)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return $"<{body.Length} bytes of binary data>";
        }
    }
}
