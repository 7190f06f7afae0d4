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
        var fence = new string('`', Math.Max(3, LongestBacktickRun(text) + 1));
        return $"{fence}{language}\n{text.TrimEnd()}\n{fence}\n";
    }

    /// <summary>
    /// A code span, one line: between backtick fences longer than any run in the text, not escaped (GitHub shows a code
    /// span's backslashes and entities as they are, so <c>my_api.yaml</c> escaped would read <c>my\_api.yaml</c>).
    /// </summary>
    public static string InlineCode(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        var fence = new string('`', LongestBacktickRun(line) + 1);
        var pad = line.StartsWith('`') || line.EndsWith('`') ? " " : "";
        return fence + pad + line + pad + fence;
    }

    private static int LongestBacktickRun(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
