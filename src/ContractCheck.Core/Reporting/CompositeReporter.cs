namespace ContractCheck.Core.Reporting;

/// <summary>Runs several reporters; one that fails does not stop the others, and the failure is passed on at the end.</summary>
public sealed class CompositeReporter : IReporter
{
    private readonly IReadOnlyList<IReporter> _reporters;

    public CompositeReporter(params IReporter[] reporters)
    {
        _reporters = reporters;
    }

    public void Report(RunReport report)
    {
        var failures = new List<Exception>();
        foreach (var reporter in _reporters)
        {
            try
            {
                reporter.Report(report);
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        }

        if (failures.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failures[0]).Throw();
        }

        if (failures.Count > 1)
        {
            throw new AggregateException(failures);
        }
    }
}
