using Spectre.Console;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// Writes one markup line. Without colour (CI logs, files) it goes straight to the writer with the markup removed:
/// Spectre's rendering of each line costs ~0.1 ms (seconds on a large API's report) and would fold lines longer than
/// the console width, such as curl lines.
/// </summary>
public static class PlainLines
{
    public static void Line(this IAnsiConsole console, string markup)
    {
        if (console.Profile.Capabilities.Ansi)
        {
            console.MarkupLine(markup);
            return;
        }

        console.Profile.Out.Writer.WriteLine(Plain(markup));
    }

    /// <summary>
    /// The text of a markup line, as Spectre's <c>Markup.Remove</c> gives it (tags out, <c>[[</c> and <c>]]</c> as one bracket) in
    /// one pass: a dry run of a large API prints thousands of lines, and the parser cost a tenth of its time.
    /// </summary>
    public static string Plain(string markup)
    {
        if (markup.IndexOfAny(Brackets) < 0)
        {
            return markup;
        }

        var text = new System.Text.StringBuilder(markup.Length);
        for (var i = 0; i < markup.Length; i++)
        {
            var c = markup[i];
            if ((c == '[' || c == ']') && i + 1 < markup.Length && markup[i + 1] == c)
            {
                text.Append(c);
                i++;
            }
            else if (c == '[' && markup.IndexOf(']', i + 1) is var end and > 0)
            {
                i = end;
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static readonly char[] Brackets = ['[', ']'];
}
