using ContractCheck.Core.Probes;

namespace ContractCheck.Tests;

/// <summary>Rules lines that switch probe kinds off, so a test of one behaviour is not judged by the probes it is not about.</summary>
public static class ProbesOff
{
    /// <summary>The request probes of HTTP's own semantics: HEAD, OPTIONS, Accept, conditional requests, idempotency keys, pages.</summary>
    public static readonly string[] RequestProbes =
    [
        HeadMatchesGetProbe.KindId, OptionsAllowProbe.KindId, UnacceptableAcceptProbe.KindId, ConditionalGetProbe.KindId,
        ConditionalWriteProbe.KindId, IdempotencyKeyProbe.KindId, PaginationLinksProbe.KindId,
    ];

    /// <summary>A <c>probes:</c> line switching off every kind but <paramref name="kept"/>.</summary>
    public static string AllBut(params string[] kept) => Line(ProbeKinds.All.Select(k => k.Id).Except(kept));

    /// <summary>A <c>probes:</c> line switching off the request probes (and <paramref name="more"/>).</summary>
    public static string Requests(params string[] more) => Line(RequestProbes.Concat(more));

    private static string Line(IEnumerable<string> kinds) => "probes: {" + string.Join(", ", kinds.Select(k => k + ": off")) + "}\n";
}
