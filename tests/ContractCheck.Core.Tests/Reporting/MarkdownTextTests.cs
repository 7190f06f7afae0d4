using ContractCheck.Core.Reporting;

namespace ContractCheck.Core.Tests.Reporting;

/// <summary>Markdown made safe: code spans are fenced, never backslash-escaped (GitHub shows a code span's text as it is).</summary>
public class MarkdownTextTests
{
    [TestCase("examples/my_api.yaml", "`examples/my_api.yaml`")]
    [TestCase("http://127.0.0.1:8080/?a=1&b=2", "`http://127.0.0.1:8080/?a=1&b=2`")]
    [TestCase("a `tick` in it", "``a `tick` in it``")]
    [TestCase("`edge`", "`` `edge` ``")]
    [TestCase("two\nlines", "`two lines`")]
    public void InlineCode_IsFencedNotEscaped(string text, string expected)
    {
        Assert.That(MarkdownText.InlineCode(text), Is.EqualTo(expected));
    }
}
