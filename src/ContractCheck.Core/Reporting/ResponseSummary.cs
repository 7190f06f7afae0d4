using System.Text;
using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Reporting;

/// <summary>A response as text for a failure's evidence: status line, headers and the first bytes of the body, secrets masked.</summary>
public static class ResponseSummary
{
    public const int BodyPreviewBytes = 2048;

    public static string For(ReceivedResponse response, Redactor redactor)
    {
        var sb = new StringBuilder();
        sb.Append("HTTP/").Append(response.Version).Append(' ').Append(response.Status);
        if (!string.IsNullOrEmpty(response.Reason))
        {
            sb.Append(' ').Append(response.Reason);
        }

        sb.AppendLine();
        foreach (var (name, value) in response.Headers)
        {
            sb.Append(name).Append(": ").AppendLine(redactor.ResponseHeader(name, value));
        }

        if (response.Body.Length > 0)
        {
            sb.AppendLine();
            // Masked before it is cut: a secret across the cut would otherwise show its first part.
            var text = redactor.Text(response.BodyText);
            var preview = text.Length > BodyPreviewBytes ? text[..BodyPreviewBytes] + $"\n… ({response.Body.Length} bytes in all)" : text;
            sb.AppendLine(preview);
        }

        if (response.Unfinished)
        {
            sb.AppendLine("(the body had not ended when --timeout came: a stream; this is what came until then)");
        }
        else if (response.Truncated)
        {
            sb.AppendLine("(the body was longer than the read cap and was cut)");
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>"500 Internal Server Error, text/plain, 120 bytes" for one-line display.</summary>
    public static string Line(ReceivedResponse response) =>
        $"{response.Status}{(string.IsNullOrEmpty(response.Reason) ? "" : " " + response.Reason)}, {response.ContentType ?? "no Content-Type"}, {response.Body.Length} bytes";
}
