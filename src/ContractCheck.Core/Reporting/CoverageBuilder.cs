using ContractCheck.Core.Checks;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Reporting;

/// <summary>Counts the coverage matrix as probes end: a few counters and status sets per operation, nothing of the exchanges.</summary>
internal sealed class CoverageBuilder
{
    private readonly Plan _plan;
    private readonly Dictionary<ApiOperation, Row> _rows = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, ApiOperation> _firstOnPath = new(StringComparer.Ordinal);

    public CoverageBuilder(Plan plan)
    {
        _plan = plan;
        foreach (var operation in plan.Operations)
        {
            _rows[operation] = new Row();
            _firstOnPath.TryAdd(operation.Path, operation);
        }
    }

    public void Add(ProbeResults probe)
    {
        var own = probe.Outcome.Probe.Operation;
        foreach (var exchange in probe.Outcome.Exchanges.Where(e => !e.NotSent && e.Response is not null))
        {
            if (_rows.TryGetValue(exchange.Planned.Operation ?? own, out var target))
            {
                target.Seen.Add(exchange.Response!.Status);
                target.Seen.UnionWith(exchange.Burst?.Statuses.Keys ?? []);
            }
        }

        // Methods the spec does not declare (wrong-method) count under the path's first operation of the plan.
        if (!_rows.TryGetValue(own, out var row) && !(_firstOnPath.TryGetValue(own.Path, out var first) && _rows.TryGetValue(first, out row)))
        {
            return;
        }

        var verdict = ProbeVerdict.Of(ReportCase.Of(probe));
        var cell = row.Kinds.TryGetValue(probe.Outcome.Probe.Kind, out var seen) ? seen : row.Kinds[probe.Outcome.Probe.Kind] = new Cell();
        cell.Planned++;
        cell.Sent += probe.Outcome.Exchanges.Any(e => !e.NotSent) ? 1 : 0;
        switch (verdict.Outcome)
        {
            case Outcome.Failed:
                cell.Failed++;
                break;
            case Outcome.Passed:
                cell.Passed++;
                break;
            default:
                cell.Skipped++;
                if (verdict.Reason is { } reason && cell.Reasons.Count < 3 && !cell.Reasons.Contains(reason))
                {
                    cell.Reasons.Add(reason);
                }

                break;
        }

        // Only the operation's own probes exercise it: a wrong method on its path does not.
        row.Exercised |= _rows.ContainsKey(own) && verdict.Outcome != Outcome.Skipped;
    }

    public Coverage Build() => new(_plan.Operations.Select(o => Build(o, _rows[o])).ToList());

    private static OperationCoverage Build(ApiOperation operation, Row row)
    {
        var documented = operation.Model.Responses?.Keys.ToList() ?? [];
        var explicitKeys = documented.Where(k => !k.Equals("default", StringComparison.OrdinalIgnoreCase)).ToList();
        var seen = row.Seen.Order().ToList();
        var undocumented = seen.Where(s => !explicitKeys.Any(k => Matches(k, s))).ToList();
        var neverSeen = explicitKeys.Where(k => !seen.Any(s => Matches(k, s))).ToList();
        if (documented.Count > explicitKeys.Count)
        {
            // "default" documents every other status: it is seen when one came, and nothing is undocumented.
            if (undocumented.Count == 0)
            {
                neverSeen.Add("default");
            }

            undocumented = [];
        }

        var probes = row.Kinds.Select(k => new ProbeCoverage(k.Key, k.Value.Planned, k.Value.Sent, k.Value.Passed, k.Value.Failed, k.Value.Skipped, k.Value.Reasons)).ToList();
        return new OperationCoverage(operation, probes, documented, seen, neverSeen, undocumented, row.Exercised);
    }

    private static bool Matches(string key, int status) =>
        key.Length == 3 && (key == status.ToString(System.Globalization.CultureInfo.InvariantCulture)
            || (key[1] is 'X' or 'x' && key[2] is 'X' or 'x' && key[0] - '0' == status / 100));

    private sealed class Row
    {
        public Dictionary<string, Cell> Kinds { get; } = new(StringComparer.Ordinal);

        public HashSet<int> Seen { get; } = [];

        public bool Exercised { get; set; }
    }

    private sealed class Cell
    {
        public int Planned { get; set; }

        public int Sent { get; set; }

        public int Passed { get; set; }

        public int Failed { get; set; }

        public int Skipped { get; set; }

        public List<string> Reasons { get; } = [];
    }
}
