using ContractCheck.Core.Checks;
using ContractCheck.Core.Reporting;
using Spectre.Console;

namespace ContractCheck.Cli;

/// <summary>
/// The progress line on a terminal: probes done of the plan's, and failures so far, drawn under the report as it
/// grows. It appears only when the run takes longer than <see cref="Delay"/>, and never in redirected output.
/// </summary>
internal sealed class ProgressLine : IProgress<ProbeResults>
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    private readonly int _total;
    private int _done;
    private int _failed;

    public ProgressLine(int total)
    {
        _total = total;
    }

    /// <summary>Counts one probe as it ends (any worker's thread).</summary>
    public void Report(ProbeResults value)
    {
        Interlocked.Increment(ref _done);
        if (value.Results.Any(r => r.Finding.Outcome is Outcome.Failed or Outcome.Error))
        {
            Interlocked.Increment(ref _failed);
        }
    }

    /// <summary>Shows the line while <paramref name="run"/> goes on, once it has taken longer than a couple of seconds.</summary>
    public async Task<T> ShowWhileAsync<T>(IAnsiConsole console, Task<T> run)
    {
        if (await Task.WhenAny(run, Task.Delay(Delay)) == run)
        {
            return await run;
        }

        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Describe(), maxValue: Math.Max(1, _total));
                while (!run.IsCompleted)
                {
                    task.Value = Volatile.Read(ref _done);
                    task.Description = Describe();
                    await Task.WhenAny(run, Task.Delay(200));
                }

                task.Value = task.MaxValue;
            });
        return await run;
    }

    private string Describe()
    {
        var failed = Volatile.Read(ref _failed);
        return $"{Volatile.Read(ref _done)}/{_total} probes" + (failed > 0 ? $", [red]{failed} failed[/]" : "");
    }
}
