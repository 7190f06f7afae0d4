using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// Splits a plan for a CI matrix (<c>--shard i/n</c>) by operation. Operations that depend on each other form one
/// unit that is never split: a probe and every operation its requests call (a lifecycle chain) or its answers depend on
/// (<see cref="Probe.DependsOn"/>: a list's pages and the collection's creates), and a probe that works
/// on an item the run creates (<see cref="PathValue.Binding"/>, <c>/users/{}</c> in <c>/users/{id}/posts</c>) and the
/// creates that make it (<see cref="Probe.BindAs"/>). Units go to the shard with the fewest operations so far, largest
/// first, in the spec's order. The split depends on the spec and the rules only — not on the seed or the cores — so the n
/// shards are disjoint and together are the whole plan; each shard deletes what it created.
/// </summary>
public static class Sharding
{
    /// <summary>The part of <paramref name="plan"/> that belongs to <paramref name="shard"/>: its probes, in plan order, and its design warnings.</summary>
    public static Plan Select(Plan plan, Shard shard)
    {
        var of = Assign(plan.Probes, plan.Operations, shard.Count);
        bool Mine(ApiOperation? operation) => (operation is null ? 0 : of.GetValueOrDefault(operation)) == shard.Index - 1;
        return plan with
        {
            Probes = [.. plan.Probes.Where(p => Mine(p.Operation))],
            DesignWarnings = [.. plan.DesignWarnings.Where(w => Mine(w.Operation))],
            Operations = [.. plan.Operations.Where(Mine)],
            Shard = shard,
        };
    }

    /// <summary>For each operation (of <paramref name="operations"/> and of the probes), the shard it belongs to, counted from 0.</summary>
    public static IReadOnlyDictionary<ApiOperation, int> Assign(IReadOnlyList<Probe> probes, IReadOnlyList<ApiOperation> operations, int count)
    {
        var units = new Units();
        var creators = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var needs = new List<(int Operation, string Binding)>();
        var firstAtPath = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            firstAtPath.TryAdd(operation.Path, units.Id(operation));
        }

        foreach (var probe in probes)
        {
            var id = units.Id(probe.Operation);
            if (probe.Operation.IsUndeclared && firstAtPath.TryGetValue(probe.Operation.Path, out var planner))
            {
                // A wrong method on a path is planned with the path's first operation, and goes with it.
                units.Union(id, planner);
            }

            foreach (var other in probe.DependsOn)
            {
                units.Union(id, units.Id(other));
            }

            if (probe.BindAs is { } made)
            {
                (creators.TryGetValue(made, out var list) ? list : creators[made] = []).Add(id);
            }

            foreach (var request in probe.Requests.SelectMany(r => r.ReadFirst is { } read ? [r, read] : new[] { r }))
            {
                if (request.Operation is { } other)
                {
                    units.Union(id, units.Id(other));
                }

                needs.AddRange(request.PathValues.Values.Where(v => v.Binding is not null).Select(v => (id, v.Binding!)));
            }
        }

        foreach (var (operation, binding) in needs)
        {
            foreach (var creator in creators.GetValueOrDefault(binding) ?? [])
            {
                units.Union(operation, creator);
            }
        }

        // Largest unit first, ties in plan order, each to the shard with the fewest operations so far (the lowest on a tie).
        var load = new int[count];
        var shardOfRoot = new Dictionary<int, int>();
        foreach (var unit in units.All().GroupBy(units.Find).Select(g => (Root: g.Key, Size: g.Count(i => !units.Operations[i].IsUndeclared))).OrderByDescending(u => u.Size).ThenBy(u => u.Root))
        {
            var target = Array.IndexOf(load, load.Min());
            load[target] += unit.Size;
            shardOfRoot[unit.Root] = target;
        }

        var shards = new Dictionary<ApiOperation, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < units.Operations.Count; i++)
        {
            shards[units.Operations[i]] = shardOfRoot[units.Find(i)];
        }

        return shards;
    }

    // Union-find over the operations, numbered in the order they are first seen (the spec's order of the plan's operations).
    private sealed class Units
    {
        private readonly Dictionary<ApiOperation, int> _ids = new(ReferenceEqualityComparer.Instance);
        private readonly List<int> _parent = [];

        public List<ApiOperation> Operations { get; } = [];

        public int Id(ApiOperation operation)
        {
            if (!_ids.TryGetValue(operation, out var id))
            {
                id = _ids[operation] = _parent.Count;
                _parent.Add(id);
                Operations.Add(operation);
            }

            return id;
        }

        public int Find(int id)
        {
            while (_parent[id] != id)
            {
                _parent[id] = _parent[_parent[id]];
                id = _parent[id];
            }

            return id;
        }

        // The smaller id stays the root, so a unit's root is its first operation in plan order.
        public void Union(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }

        public IEnumerable<int> All() => Enumerable.Range(0, _parent.Count);
    }
}
