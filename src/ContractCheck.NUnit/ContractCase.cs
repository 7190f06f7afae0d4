using ContractCheck.Core.Checks;
using NUnit.Framework;

namespace ContractCheck.NUnit;

/// <summary>
/// One probe of the contract as an NUnit test case, named <c>METHOD /path: probe</c>. Hand it to a
/// <c>[TestCaseSource]</c> (see <see cref="ContractSuite.Cases"/>) and call <see cref="AssertAsync"/> in the test.
/// </summary>
public sealed class ContractCase : TestCaseData
{
    private readonly Func<Task<CaseVerdict>> _verdict;

    internal ContractCase(string name, Func<Task<CaseVerdict>> verdict)
        : base(new object?[] { null })
    {
        // The test method's argument is the case itself: NUnit copies the argument array, so it is filled in here.
        Arguments[0] = this;
        Name = name;
        _verdict = verdict;
        SetName(CaseName.ForNUnit(name));
    }

    /// <summary><c>POST /todos: bad-json</c>: the operation and the probe, as the console groups them.</summary>
    public string Name { get; }

    /// <summary>
    /// Waits for the suite's run (the first case to ask starts it) and asserts this probe: a failure fails the test
    /// with the text the console prints for it (expected vs actual, the table row, the curl, the response); a probe
    /// that could not be tested is ignored with the reason; a pass writes the probe's line to the test output.
    /// </summary>
    public async Task AssertAsync()
    {
        var verdict = await _verdict().ConfigureAwait(false);
        if (verdict.Output is { } output)
        {
            await TestContext.Out.WriteLineAsync(output).ConfigureAwait(false);
        }

        switch (verdict.Outcome)
        {
            case Outcome.Failed:
                Assert.Fail(verdict.Message);
                break;
            case Outcome.Skipped:
                Assert.Ignore(verdict.Message);
                break;
            default:
                await TestContext.Out.WriteLineAsync(verdict.Message).ConfigureAwait(false);
                break;
        }
    }

    public override string ToString() => Name;
}
