using ContractCheck.Core.Reporting;
using Spectre.Console;

namespace ContractCheck.Core.Tests.Reporting;

/// <summary>The one-pass markup stripper gives what Spectre's own parser gives.</summary>
public class PlainLinesTests
{
    [TestCase("no markup at all")]
    [TestCase("[bold]Plan[/] for Todo (openapi.yaml, OpenAPI 3.0.3): 5 operations")]
    [TestCase("  [yellow]skip[/] happy-path GET /a: --read-only")]
    [TestCase("[grey](12 bytes application/json)[/] [grey]→ expect 2xx[/]")]
    [TestCase("[red]FAIL[/] [bold]x[/][grey]y[/]")]
    [TestCase("[[not a tag]] and [[[grey]a tag after an escape[/]]]")]
    public void Plain_IsWhatSpectreRemoves(string markup) =>
        Assert.That(PlainLines.Plain(markup), Is.EqualTo(Markup.Remove(markup)));

    [Test]
    public void Plain_EscapedTextWithBracketsComesBackAsWritten()
    {
        var random = new Random(5);
        const string alphabet = "ab[]/ {}=\"";
        for (var i = 0; i < 500; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 20)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var markup = $"[grey]{Markup.Escape(text)}[/] {Markup.Escape(text)}";

            Assert.That(PlainLines.Plain(markup), Is.EqualTo(Markup.Remove(markup)).And.EqualTo(text + " " + text), markup);
        }
    }
}
