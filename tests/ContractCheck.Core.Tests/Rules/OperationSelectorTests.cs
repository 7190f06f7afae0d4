using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Tests.Rules;

public class OperationSelectorTests
{
    private static ApiOperation Op(string method, string path, string? id = null) =>
        new(method, path, new OpenApiOperation { OperationId = id }, [], []);

    [TestCase("createItem", "POST", "/items", "createItem", true)]
    [TestCase("createItem", "POST", "/items", "createItems", false)]
    [TestCase("POST /items", "POST", "/items", null, true)]
    [TestCase("post /items", "POST", "/items", null, true)]
    [TestCase("GET /items/{id}", "GET", "/items/{id}", null, true)]
    [TestCase("GET /items/{id}", "DELETE", "/items/{id}", null, false)]
    [TestCase("DELETE /admin/**", "DELETE", "/admin/users/{id}/keys", null, true)]
    [TestCase("* /items/*", "PUT", "/items/{id}", null, true)]
    [TestCase("* /items/*", "PUT", "/items/{id}/tags", null, false)]
    [TestCase("/admin/**", "GET", "/admin/x", null, true)]
    [TestCase("list*", "GET", "/items", "listItems", true)]
    public void Matches(string selector, string method, string path, string? id, bool expected)
    {
        Assert.That(OperationSelector.Parse(selector).Matches(Op(method, path, id)), Is.EqualTo(expected));
    }

    [TestCase("201", 201, true)]
    [TestCase("201", 200, false)]
    [TestCase("4xx", 404, true)]
    [TestCase("4XX", 499, true)]
    [TestCase("4xx", 500, false)]
    public void StatusPattern_Matches(string pattern, int status, bool expected)
    {
        Assert.That(StatusPattern.TryParse(pattern, out var p), Is.True);
        Assert.That(p.Matches(status), Is.EqualTo(expected));
    }

    [TestCase("20")]
    [TestCase("6xx")]
    [TestCase("2x")]
    [TestCase("abc")]
    public void StatusPattern_RejectsNonStatuses(string text) => Assert.That(StatusPattern.TryParse(text, out _), Is.False);
}
