using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// Where a probe runs: its stage (creates, parents before children; reads; settled reads, which compare two reads of
/// a resource while nothing else runs that could change it; actions; updates; deletes, children before parents;
/// bursts, alone at the end) and its lane (probes of one lane run in plan order; lanes of a stage
/// run side by side). Writes to one item share a lane, so two probes never change the same item at once; every
/// other probe is a lane of its own.
/// </summary>
public static class Schedule
{
    public const int Reads = 100;
    public const int SettledReads = 150;
    public const int Actions = 200;
    public const int Updates = 300;
    public const int Other = 400;
    public const int Deletes = 500;
    public const int Bursts = 1000;

    /// <summary>The stage of a probe: an order key, lower first.</summary>
    public static int StageOf(Probe probe, ResourceMap resources)
    {
        if (probe.Burst is not null)
        {
            return Bursts;
        }

        // Chains of the reads stage may create items of their own (another identity's): what compares two reads of a
        // collection waits until they are done.
        if (probe.ComparesReads)
        {
            return SettledReads;
        }

        var operation = probe.RunsWith ?? probe.Operation;
        var depth = Math.Min(99, operation.Path.Count(c => c == '/'));
        return operation.Method switch
        {
            "POST" when resources.IsCreate(operation) => depth,
            "GET" or "HEAD" or "OPTIONS" or "TRACE" => Reads,
            "POST" => Actions,
            "PUT" or "PATCH" => Updates,
            "DELETE" => Deletes + (99 - depth),
            _ => Other,
        };
    }

    /// <summary>"creates", "reads", … for --dry-run and messages.</summary>
    public static string StageName(int stage) => stage switch
    {
        < Reads => "creates",
        Reads => "reads",
        SettledReads => "settled reads",
        Actions => "actions",
        Updates => "updates",
        Other => "other methods",
        < Bursts => "deletes",
        _ => "bursts",
    };

    /// <summary>The lane of the probe at <paramref name="index"/> in the plan.</summary>
    public static string LaneOf(Probe probe, int stage, int index)
    {
        if (stage is >= Actions and < Bursts && probe.Requests.FirstOrDefault() is { } first
            && first.PathValues.Values.Select(v => v.Binding).LastOrDefault(b => b is not null) is { } item)
        {
            return "item " + item;
        }

        return "probe " + index;
    }
}
