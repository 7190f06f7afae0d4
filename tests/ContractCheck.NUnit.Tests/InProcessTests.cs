using ContractCheck.NUnit.Tests.Support;

namespace ContractCheck.NUnit.Tests;

/// <summary>
/// The Todo API's contract (without what depends on this machine's speed: <see cref="TodoContract.RulesUntimed"/>) through a
/// WebApplicationFactory, with NUnit running the cases side by side (the example project runs them one after another):
/// every case passes, because the requests are sent by one run in the plan's order, never by the cases; and while the
/// app answers, this process listens on no port.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class InProcessTests
{
    private static SamplingFactory? _factory;

    private static readonly ContractSuite Suite = ContractSuite
        .FromSpec(TodoContract.Spec)
        .WithRules(TodoContract.RulesUntimed)
        .Against(() => _factory = new SamplingFactory());

    [TestCaseSource(nameof(Cases))]
    public Task Contract(ContractCase c) => c.AssertAsync();

    private static IEnumerable<ContractCase> Cases() => Suite.Cases();

    [Test]
    public void Factory_ListensOnNoPortWhileTheAppAnswers_AndIsDisposedAfterTheRun()
    {
        if (!ListeningSockets.Supported)
        {
            Assert.Ignore("needs /proc/net/tcp and /proc/self/fd (Linux) to list this process's listening sockets");
        }

        // The same run as the cases above (whichever asks first starts it); only in-process tests run beside this fixture.
        var results = CaseResult.All(Suite);
        var baseline = ListeningSockets.OfThisProcess();

        Assert.That(results.Where(r => r.Outcome != CaseResult.Passed).Select(r => $"{r.Name}: {r.Message}"), Is.Empty);
        Assert.That(_factory!.Samples, Is.Not.Empty, "the listening sockets were read while the app answered");
        Assert.That(_factory.Samples.SelectMany(s => s).Except(baseline), Is.Empty, "no port was opened while the app answered");
        Assert.That(_factory.Disposed, Is.True, "the suite disposes the factory it made, after the run");
    }
}
