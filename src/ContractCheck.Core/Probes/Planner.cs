using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// The Plan stage: spec + rules → ordered probes. Pure (no I/O). Creates run first (parents before
/// children), reads next, then actions and updates, deletes last (children before parents), so
/// item probes can use the resources the run created and nothing they need is deleted under them.
/// </summary>
public static class Planner
{
    public static Plan Build(ApiSpec spec, RuleSet rules, PlanOptions options, IReadOnlyList<IProbeKind>? kinds = null)
    {
        kinds ??= ProbeKinds.All;
        var context = new PlanContext(spec, rules, options);
        var selected = new List<ApiOperation>();
        var skipped = new List<ApiOperation>();
        foreach (var operation in spec.Operations)
        {
            var included = options.Include.Count == 0 || options.Include.Any(s => s.Matches(operation));
            var excluded = options.Exclude.Any(s => s.Matches(operation)) || rules.IsSkipped(operation);
            (included && !excluded ? selected : skipped).Add(operation);
        }

        // Operations are planned on every core, a collection at a time: values are seeded per operation and probe, and
        // bodies are made fresh against what the collection's earlier operations sent (a unique key would conflict),
        // so each collection is planned in plan order by one task and the plan does not depend on the cores.
        var ordered = Order(selected, context.Resources).ToList();
        var families = Enumerable.Range(0, ordered.Count).GroupBy(i => context.Resources.FamilyOf(ordered[i]), StringComparer.Ordinal).ToList();
        var perOperation = new List<Probe>[ordered.Count];
        var failures = new Exception?[ordered.Count];
        var enabled = kinds.Where(k => rules.Probe(k.Id).Enabled).ToList();
        Parallel.ForEach(families, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) }, family =>
        {
            var scoped = context.ForCollection();
            foreach (var i in family)
            {
                try
                {
                    perOperation[i] = PlanOperation(ordered[i], enabled, scoped);
                }
                catch (Exception e)
                {
                    failures[i] = e;
                    perOperation[i] = [];
                }
            }
        });

        // The error of the first operation in plan order, as a sequential plan would have met it.
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        var probes = perOperation.SelectMany(p => p).ToList();

        // Bursts trip the target's rate limit: they go last, so no other probe runs into it.
        var planned = probes.Where(p => p.Burst is null).Concat(probes.Where(p => p.Burst is not null))
            .Select(p => Restrict(p, context))
            .Select((p, index) => Schedule.StageOf(p, context.Resources) is var stage ? p with { Stage = stage, Lane = Schedule.LaneOf(p, stage, index) } : p)
            .ToList();
        var plan = new Plan(planned, DesignReview.Review(selected, context), skipped, options.Seed) { Cleanup = CleanupRequests(spec, context), Operations = selected };

        // A shard is cut from the whole plan, so its probes are byte for byte those of the whole plan.
        plan = options.Shard is { } shard ? Sharding.Select(plan, shard) : plan;

        // Only the tokens some request is sent with are fetched: --include health logs nobody in.
        var used = plan.Probes.Where(p => p.SkipReason is null).SelectMany(p => p.Requests).SelectMany(r => r.ReadFirst is { } read ? [r.As, read.As] : new[] { r.As }).ToHashSet(StringComparer.Ordinal);
        return plan with { Tokens = [.. TokenFetch.Plan(context).Where(t => used.Contains(t.Identity))] };
    }

    private static List<Probe> PlanOperation(ApiOperation operation, List<IProbeKind> kinds, PlanContext context)
    {
        // Any POST to a collection may create an item (a wrongly accepted bad request too): track it for clean-up.
        var probes = new List<Probe>();
        foreach (var kind in kinds)
        {
            probes.AddRange(kind.Plan(operation, context)
                .Select(p => p.Creates is null && p.Operation.Method == "POST" ? p with { Creates = context.Resources.CreatedKey(operation) } : p));
        }

        if (probes.Any(p => p.Creates is not null))
        {
            var idFrom = CreatedIdSource.For(operation, context);
            var members = CreatedIdSource.Members(operation, context);
            probes = probes.Select(p => p.Creates is not null && p.Operation.Method == "POST" ? p with { IdFrom = idFrom, IdMembers = members } : p).ToList();
        }

        return probes;
    }

    /// <summary>The reason the run's modes leave a probe out (--read-only, --stateless / conventions.stateful), or null.</summary>
    public static string? Restriction(Probe probe, PlanContext context)
    {
        if (!context.Stateful && (StatefulKinds.Contains(probe.Kind) || (probe.Kind == ConditionalGetProbe.KindId && probe.Label == ConditionalGetProbe.Changed)))
        {
            return "needs an API that keeps what it is sent, and this one is stateless (conventions.stateful: false or --stateless)";
        }

        if (!context.Stateful && probe.Kind == InsufficientPermissionProbe.KindId)
        {
            return "needs the real API: a stateless mock cannot tell identities apart (conventions.stateful: false or --stateless)";
        }

        if (probe.Requests.Select(r => Ownership.Refusal(r, r.Operation ?? probe.Operation, context.Rules)).FirstOrDefault(r => r is not null) is { } unowned)
        {
            return unowned;
        }

        if (context.Options.ReadOnly)
        {
            if (probe.Burst is not null && !context.Options.Bursts)
            {
                return "--read-only: bursts are sent only with --bursts";
            }

            if (probe.Requests.Any(r => !ReadOnlyMethods.Contains(r.Method)))
            {
                return $"--read-only: only GET, HEAD and OPTIONS are sent, this probe sends {string.Join(", ", probe.Requests.Select(r => r.Method).Where(m => !ReadOnlyMethods.Contains(m)).Distinct())}";
            }
        }

        return null;
    }

    private static readonly HashSet<string> ReadOnlyMethods = ["GET", "HEAD", "OPTIONS"];

    // Probes whose expectation holds only if the API remembers: an unknown id, a duplicate, a deleted item.
    private static readonly HashSet<string> StatefulKinds =
        [NotFoundProbe.KindId, DuplicateCreateProbe.KindId, LifecycleProbe.KindId, CrossIdentityProbe.KindId, ConditionalWriteProbe.KindId, IdempotencyKeyProbe.KindId];

    private static Probe Restrict(Probe probe, PlanContext context) =>
        probe.SkipReason is null && Restriction(probe, context) is { } reason ? probe with { SkipReason = reason } : probe;

    // Every DELETE on an item path, whether or not the run checks it: clean-up must not depend on --include.
    private static Dictionary<string, PlannedRequest> CleanupRequests(ApiSpec spec, PlanContext context)
    {
        var requests = new Dictionary<string, PlannedRequest>(StringComparer.Ordinal);
        foreach (var delete in spec.Operations.Where(o => o.Method == "DELETE" && PathTemplate.Parse(o.Path).EndsWithParameter))
        {
            requests.TryAdd(ResourceMap.KeyOf(delete.Path), context.Requests.Build(delete, context.RandomFor("cleanup", delete)));
        }

        return requests;
    }

    private static IEnumerable<ApiOperation> Order(List<ApiOperation> operations, ResourceMap resources) =>
        operations
            .Select((operation, index) => (operation, index))
            .OrderBy(x => Phase(x.operation, resources))
            .ThenBy(x => x.operation.Method == "DELETE" ? -Depth(x.operation) : Depth(x.operation))
            .ThenBy(x => x.index)
            .Select(x => x.operation);

    private static int Phase(ApiOperation operation, ResourceMap resources) => operation.Method switch
    {
        "POST" when resources.IsCreate(operation) => 0,
        "GET" or "HEAD" or "OPTIONS" => 1,
        "POST" => 2,
        "PUT" or "PATCH" => 3,
        "DELETE" => 5,
        _ => 4,
    };

    private static int Depth(ApiOperation operation) => operation.Path.Count(c => c == '/');
}
