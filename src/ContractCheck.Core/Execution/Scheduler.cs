using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Execution;

/// <summary>
/// Runs a plan stage by stage (every probe of a stage ends before the next starts); within a stage, lanes run
/// side by side on up to <see cref="ExecutorOptions.Workers"/> workers, the probes of a lane in plan order;
/// bursts run one at a time. Outcomes are stored by plan index, so what follows is the same for any number of workers.
/// </summary>
internal static class Scheduler
{
    public static async Task<ProbeOutcome[]> RunAsync(Plan plan, int workers, Func<Probe, Task<ProbeOutcome>> run, Action<int, ProbeOutcome>? finished)
    {
        var outcomes = new ProbeOutcome[plan.Probes.Count];
        var stages = plan.Probes.Select((probe, index) => (probe, index)).GroupBy(p => p.probe.Stage).OrderBy(g => g.Key);
        foreach (var stage in stages)
        {
            var lanes = stage.GroupBy(p => p.probe.Lane).Select(g => g.Select(p => p.index).ToList()).ToList();
            var parallel = stage.Key >= Schedule.Bursts ? 1 : Math.Max(1, workers);
            await Parallel.ForEachAsync(lanes, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (lane, _) =>
            {
                foreach (var index in lane)
                {
                    outcomes[index] = await run(plan.Probes[index]);
                    finished?.Invoke(index, outcomes[index]);
                }
            });
        }

        return outcomes;
    }
}
