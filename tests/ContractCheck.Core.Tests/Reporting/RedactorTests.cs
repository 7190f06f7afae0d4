using ContractCheck.Core.Execution;
using ContractCheck.Core.Reporting;

namespace ContractCheck.Core.Tests.Reporting;

public class RedactorTests
{
    private readonly Redactor _redactor = new(["s3cret-value"], ["X-Tenant-Key"]);

    [TestCase("Authorization", "Bearer abc", "***")]
    [TestCase("Cookie", "sid=1", "***")]
    [TestCase("Set-Cookie", "sid=1; HttpOnly", "***")]
    [TestCase("X-Api-Key", "k", "***")]
    [TestCase("X-Tenant-Key", "k", "***")]
    [TestCase("X-Session-Token", "t", "***")]
    [TestCase("WWW-Authenticate", "Bearer realm=\"api\"", "Bearer realm=\"api\"")]
    [TestCase("Accept", "application/json", "application/json")]
    [TestCase("X-Echo", "has s3cret-value inside", "has *** inside")]
    public void Header_MasksCredentials(string name, string value, string shown) =>
        Assert.That(_redactor.Header(name, value), Is.EqualTo(shown));

    [Test]
    public void Url_MasksCredentialQueryParametersAndSecrets()
    {
        var shown = _redactor.Url(new Uri("http://127.0.0.1:5000/items?api_key=abc&page=2&q=s3cret-value"));

        Assert.That(shown, Is.EqualTo("http://127.0.0.1:5000/items?api_key=***&page=2&q=***"));
    }

    [Test]
    public void Curl_QuotesForTheShellAndMasks()
    {
        var request = new SentRequest("POST", new Uri("http://127.0.0.1:5000/items"), [new("Authorization", "Bearer s3cret-value"), new("X-Note", "it's")], "{\"a\":\"s3cret-value\"}"u8.ToArray());

        Assert.That(CurlCommand.For(request, _redactor), Is.EqualTo("curl -i -X POST 'http://127.0.0.1:5000/items' -H 'Authorization: ***' -H 'X-Note: it'\\''s' --data-binary '{\"a\":\"***\"}'"));
    }
}
