using ContractCheck.Core.Checks;
using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// Hands probes, which end on the workers' threads in any order, to one callback at a time in report order: the order
/// the stages run in (the scheduler's), within a stage by plan index. A probe waits only for the ones before it in
/// its stage, so results flow while the run goes on, and what follows does not depend on the number of workers.
/// </summary>
internal sealed class RunOrder
{
    private readonly int[] _position;
    private readonly ProbeResults?[] _waiting;
    private readonly Action<ProbeResults> _release;
    private readonly object _gate = new();
    private int _next;

    public RunOrder(Plan plan, Action<ProbeResults> release)
    {
        var order = Enumerable.Range(0, plan.Probes.Count).OrderBy(i => plan.Probes[i].Stage).ThenBy(i => i).ToArray();
        _position = new int[order.Length];
        for (var p = 0; p < order.Length; p++)
        {
            _position[order[p]] = p;
        }

        _waiting = new ProbeResults?[order.Length];
        _release = release;
    }

    /// <summary>Takes one ended probe; releases it and every later one that was waiting only for it.</summary>
    public void Add(ProbeResults probe)
    {
        lock (_gate)
        {
            _waiting[_position[probe.Index]] = probe;
            while (_next < _waiting.Length && _waiting[_next] is { } ready)
            {
                _waiting[_next++] = null;
                _release(ready);
            }
        }
    }

    /// <summary>Probes that never ended (a run that broke off): released in order, so the reports still show what was seen.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            for (; _next < _waiting.Length; _next++)
            {
                if (_waiting[_next] is { } ready)
                {
                    _waiting[_next] = null;
                    _release(ready);
                }
            }
        }
    }
}
