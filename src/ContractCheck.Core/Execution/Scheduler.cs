using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Execution;

/// <summary>
/// Runs a plan stage by stage (every probe of a stage ends before the next starts); within a stage, lanes run
/// side by side on up to <see cref="ExecutorOptions.Workers"/> workers, the probes of a lane in plan order;
/// bursts run one at a time. Outcomes are stored by plan index, so what follows is the same for any number of workers.
/// </summary>
internal static class Scheduler
{
    /// <param name="plan">The probes, with their stages and lanes.</param>
    /// <param name="workers">Lanes run side by side within a stage.</param>
    /// <param name="run">Runs one probe.</param>
    /// <param name="finished">Called as each probe ends, with its plan index.</param>
    /// <param name="beforeDeletes">Runs once, alone, before the first delete stage (or the bursts, when there is none).</param>
    public static async Task<ProbeOutcome[]> RunAsync(Plan plan, int workers, Func<Probe, Task<ProbeOutcome>> run, Action<int, ProbeOutcome>? finished, Func<Task>? beforeDeletes = null)
    {
        var outcomes = new ProbeOutcome[plan.Probes.Count];
        var stages = plan.Probes.Select((probe, index) => (probe, index)).GroupBy(p => p.probe.Stage).OrderBy(g => g.Key);
        foreach (var stage in stages)
        {
            if (beforeDeletes is not null && stage.Key >= Schedule.Deletes)
            {
                await beforeDeletes();
                beforeDeletes = null;
            }

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

        if (beforeDeletes is not null)
        {
            await beforeDeletes();
        }

        return outcomes;
    }
}
