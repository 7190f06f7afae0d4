using ContractCheck.Core.Checks;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// Runs several reporters; one that fails does not stop the others (nor the run): it is told nothing more, and its
/// failure is passed on once every other reporter has ended.
/// </summary>
public sealed class CompositeReporter : IReporter
{
    private readonly IReadOnlyList<IReporter> _reporters;
    private readonly Dictionary<IReporter, Exception> _failed = [];

    public CompositeReporter(params IReporter[] reporters)
    {
        _reporters = reporters;
    }

    public void Begin(RunStarted run) => Each(r => r.Begin(run));

    public void Probe(ProbeResults probe) => Each(r => r.Probe(probe));

    public void End(RunFinished run)
    {
        Each(r => r.End(run));
        var failures = _reporters.Where(_failed.ContainsKey).Select(r => _failed[r]).ToList();
        if (failures.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failures[0]).Throw();
        }

        if (failures.Count > 1)
        {
            throw new AggregateException(failures);
        }
    }

    private void Each(Action<IReporter> call)
    {
        foreach (var reporter in _reporters)
        {
            if (_failed.ContainsKey(reporter))
            {
                continue;
            }

            try
            {
                call(reporter);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _failed[reporter] = e;
            }
        }
    }
}
