using NUnit.Framework.Internal;

namespace ContractCheck.NUnit.Tests.Support;

/// <summary>How a contract case came out when a test drives it: passed, failed or ignored, its message and its output.</summary>
public sealed record CaseResult(string Name, string Outcome, string Message, string Output)
{
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string Ignored = "ignored";

    /// <summary>Runs the case's assertion in an isolated NUnit context, so its failure is data here, not this test's failure.</summary>
    public static CaseResult Of(ContractCase c)
    {
        using var isolated = new TestExecutionContext.IsolatedContext();
        var result = TestExecutionContext.CurrentContext.CurrentResult;
        try
        {
            c.AssertAsync().GetAwaiter().GetResult();
            return new(c.Name, Passed, "", result.Output);
        }
        catch (AssertionException e)
        {
            return new(c.Name, Failed, e.Message, result.Output);
        }
        catch (IgnoreException e)
        {
            return new(c.Name, Ignored, e.Message, result.Output);
        }
    }

    /// <summary>Every case of the suite, driven one after another.</summary>
    public static List<CaseResult> All(ContractSuite suite) => suite.Cases().Select(Of).ToList();
}
