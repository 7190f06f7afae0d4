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

        console.Profile.Out.Writer.WriteLine(Markup.Remove(markup));
    }
}
