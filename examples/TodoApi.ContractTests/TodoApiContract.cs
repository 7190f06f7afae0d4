using ContractCheck.NUnit;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TodoApi.ContractTests;

/// <summary>
/// The Todo API's contract (openapi.yaml and its design tables in contractcheck.yaml) as one NUnit test case per
/// probe, the app hosted in process by WebApplicationFactory: no port, no second tool in CI.
/// </summary>
[TestFixture]
public class TodoApiContract
{
    static readonly ContractSuite Suite = ContractSuite
        .FromSpec("openapi.yaml")
        .WithRules("contractcheck.yaml")
        .Against(() => new WebApplicationFactory<Program>());

    [TestCaseSource(nameof(Cases))]
    public Task Contract(ContractCase c) => c.AssertAsync();

    static IEnumerable<ContractCase> Cases() => Suite.Cases();
}
