using System.Text;

namespace ContractCheck.Core.Reporting;

/// <summary>Text made safe for GitHub-flavoured Markdown: escaped in prose and table cells, fenced in code blocks.</summary>
public static class MarkdownText
{
    /// <summary>Prose or a table cell: Markdown punctuation backslash-escaped, HTML's angle brackets as entities, one line.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '\r' or '\n':
                    sb.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>A fenced code block whose fence is longer than any run of backticks in the text.</summary>
    public static string Code(string text, string language = "")
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}{language}\n{text.TrimEnd()}\n{fence}\n";
    }
}
