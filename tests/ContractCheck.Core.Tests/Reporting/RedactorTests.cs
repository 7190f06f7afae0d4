using ContractCheck.Core.Execution;
using ContractCheck.Core.Reporting;

namespace ContractCheck.Core.Tests.Reporting;

public class RedactorTests
{
    private readonly Redactor _redactor = new(["s3cret-value"], ["X-Tenant-Key"]);

    [TestCase("Authorization", "Bearer abc", "Bearer ***")]
    [TestCase("Authorization", "Bearer s3cret-value", "Bearer ***")]
    [TestCase("Authorization", "token s3cret-value", "token ***")]
    [TestCase("Authorization", "Bearer contractcheck-invalid-123456", "Bearer contractcheck-invalid-123456")]
    [TestCase("Access-Control-Allow-Credentials", "true", "true")]
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

    [TestCase("the body contains 'token=s3cret…'", "the body contains 'token=***…'")]
    [TestCase("body: {\"key\":\"s3cret-val…", "body: {\"key\":\"***…")]
    [TestCase("a word like s3c… is too short to be taken for the secret", "a word like s3c… is too short to be taken for the secret")]
    [TestCase("an excerpt… that ends without the secret", "an excerpt… that ends without the secret")]
    [TestCase("whole s3cret-value, then cut s3cr…", "whole ***, then cut ***…")]
    public void Text_MasksASecretAnExcerptCutShort(string text, string shown) =>
        Assert.That(_redactor.Text(text), Is.EqualTo(shown));

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

        Assert.That(CurlCommand.For(request, _redactor), Is.EqualTo("curl -i -X POST 'http://127.0.0.1:5000/items' -H 'Authorization: Bearer '\"${CONTRACTCHECK_SECRET_1}\" -H 'X-Note: it'\\''s' --data-binary '{\"a\":\"'\"${CONTRACTCHECK_SECRET_1}\"'\"}'"));
    }

    [Test]
    public void Curl_NamesTheVariableASecretCameFrom()
    {
        var redactor = new Redactor(["Bearer abc-123"], variables: new Dictionary<string, string> { ["abc-123"] = "API_TOKEN" });
        var request = new SentRequest("GET", new Uri("http://127.0.0.1:5000/items"), [new("Authorization", "Bearer abc-123")], null);

        Assert.That(CurlCommand.For(request, redactor), Is.EqualTo("curl -i -X GET 'http://127.0.0.1:5000/items' -H 'Authorization: Bearer '\"${API_TOKEN}\""));
        Assert.That(redactor.Text("echoed abc-123 and abc%2D123"), Is.EqualTo("echoed *** and abc%2D123"), "only forms a server would write are masked");
    }

    [TestCase("s3cret/value+1", "a link ?token=s3cret%2Fvalue%2B1 here", "a link ?token=*** here")]
    [TestCase("s3cret/value+1", "{\"t\":\"s3cret\\/value+1\"}", "{\"t\":\"***\"}")]
    [TestCase("a<b>&c-secret", "<a data-token=\"a&lt;b&gt;&amp;c-secret\">", "<a data-token=\"***\">")]
    public void Text_MasksTheSecretAlsoEncoded(string secret, string text, string shown) =>
        Assert.That(new Redactor([secret]).Text(text), Is.EqualTo(shown));

    [Test]
    public void ResponseHeader_ServerCredentialsMaskedWhole_RunSecretsWherever()
    {
        Assert.That(_redactor.ResponseHeader("Set-Cookie", "sid=1; HttpOnly"), Is.EqualTo("***"));
        Assert.That(_redactor.ResponseHeader("Location", "/items?t=s3cret-value"), Is.EqualTo("/items?t=***"));
        Assert.That(_redactor.ResponseHeader("Access-Control-Allow-Credentials", "true"), Is.EqualTo("true"));
    }
}
