using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// A planned check of one operation by one probe kind: the requests to send and the status expected.
/// A probe that cannot be built (a required value it cannot make) carries a <see cref="SkipReason"/> instead.
/// </summary>
public sealed record Probe(
    string Kind,
    ApiOperation Operation,
    IReadOnlyList<PlannedRequest> Requests,
    ExpectedStatus? Expected,
    string? SkipReason = null)
{
    /// <summary>What this case of the kind does, when a kind plans several per operation ("title removed").</summary>
    public string? Label { get; init; }

    /// <summary>When set, a 2xx answer created an item of this key (<c>/todos/{}</c>): it is deleted at the end if nothing else deletes it.</summary>
    public string? Creates { get; init; }

    /// <summary>
    /// The binding key under which the item this probe creates is handed to requests that ask for it:
    /// the item key for the happy path (later probes use its item), a probe-local key for a lifecycle chain.
    /// </summary>
    public string? BindAs { get; init; }

    /// <summary>Where a create's answer body holds the new id (a JSON path), from the rules or the spec's links; else Location and <see cref="IdMembers"/> are tried.</summary>
    public string? IdFrom { get; init; }

    /// <summary>The body members that may hold a created item's id, best first: named like the item path's parameter, id, uuid, name, &lt;resource&gt;Id.</summary>
    public IReadOnlyList<string> IdMembers { get; init; } = ["id"];

    /// <summary>The stage the probe runs in (see <see cref="Schedule"/>): every probe of a stage ends before the next stage starts.</summary>
    public int Stage { get; init; }

    /// <summary>The probe's lane within its stage: probes of one lane run one after another, in plan order.</summary>
    public string Lane { get; init; } = "";

    /// <summary>The step whose answer reports show on the probe's line (the other identity's, not the chain's read-back); else the last.</summary>
    public string? Shows { get; init; }

    /// <summary>The operation whose stage the probe runs in, when it is not its own: a probe of a GET that changes its item runs with the updates.</summary>
    public ApiOperation? RunsWith { get; init; }

    /// <summary>True for a probe that compares two reads of a resource (a validator, a list's pages): it runs when nothing else could change it (<see cref="Schedule.SettledReads"/>).</summary>
    public bool ComparesReads { get; init; }

    /// <summary>Operations whose effects the probe's answers depend on though it does not call them (a list's pages depend on its collection's creates): a shard keeps them together.</summary>
    public IReadOnlyList<ApiOperation> DependsOn { get; init; } = [];

    /// <summary>For a burst probe: how many requests, how fast, at what concurrency.</summary>
    public BurstSettings? Burst { get; init; }

    /// <summary>Requests this probe sends: a burst sends its first request that many times, then the rest once.</summary>
    public int RequestCount => SkipReason is not null ? 0 : Burst is { } burst ? burst.Requests + Requests.Count - 1 : Requests.Count;

    /// <summary>"invalid-body (title removed)": the probe as reports and JUnit name it.</summary>
    public string DisplayName => Label is null ? Kind : $"{Kind} ({Label})";

    /// <summary>"happy-path GET /todos/{id}" for messages.</summary>
    public string Name => $"{DisplayName} {Operation.Key}";
}
