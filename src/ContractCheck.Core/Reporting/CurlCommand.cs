using System.Text;
using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// A curl command line that sends the same request again, byte for byte: the method, the full URL, every header
/// that was sent (Content-Type, Accept, User-Agent, custom ones) and the exact body, quoted so a POSIX shell runs
/// it as it is. Secrets are not printed: each stands as the shell variable that holds it
/// (<c>"${TODO_API_TOKEN}"</c>), so the line runs once that variable is set.
/// </summary>
public static class CurlCommand
{
    // curl asks for 100-continue before larger bodies unless told not to; the original request did not.
    private const int ExpectThreshold = 1024;

    public static string For(SentRequest request, Redactor redactor)
    {
        var url = request.Url.AbsoluteUri;
        var sb = new StringBuilder("curl -i");
        sb.Append(request.Method == "HEAD" ? " --head" : " -X " + request.Method);
        if (url.IndexOfAny(['[', ']', '{', '}']) >= 0)
        {
            sb.Append(" --globoff");
        }

        sb.Append(' ').Append(Shell(url, redactor));
        foreach (var (name, value) in request.AllHeaders)
        {
            sb.Append(" -H ").Append(Shell($"{name}: {value}", redactor));
        }

        if (request.Body is { } body)
        {
            if (body.Length > ExpectThreshold)
            {
                sb.Append(" -H 'Expect:'");
            }

            sb.Append(" --data-binary ").Append(Body(body, redactor));
        }

        return sb.ToString();
    }

    /// <summary>POSIX shell single-quoting: 'it'\''s'.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    // Plain parts single-quoted, secrets as "${VARIABLE}": the shell joins them into one word.
    private static string Shell(string text, Redactor redactor)
    {
        var segments = redactor.Segments(text);
        if (segments.Count == 0)
        {
            return "''";
        }

        return string.Concat(segments.Select(s => s.Variable switch
        {
            null => Quote(s.Text),
            "" => Quote(Redactor.Mask),
            var variable => "\"${" + variable + "}\"",
        }));
    }

    // Text bodies as they are; a body that is not plain UTF-8 text as bash's $'…' with every other byte escaped.
    private static string Body(byte[] body, Redactor redactor)
    {
        if (body.Length == 0)
        {
            return "''";
        }

        string? text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            text = null;
        }

        if (text is not null && text.All(c => c is '\n' or '\r' or '\t' || !char.IsControl(c)))
        {
            return Shell(text, redactor);
        }

        var sb = new StringBuilder("$'");
        foreach (var b in body)
        {
            sb.Append(b switch
            {
                (byte)'\'' => "\\'",
                (byte)'\\' => "\\\\",
                >= 0x20 and < 0x7f => ((char)b).ToString(),
                _ => $"\\x{b:x2}",
            });
        }

        return sb.Append('\'').ToString();
    }
}
