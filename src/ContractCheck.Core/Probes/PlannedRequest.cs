namespace ContractCheck.Core.Probes;

/// <summary>
/// One concrete request a probe sends. Path parameters may still be bound to a resource created
/// earlier in the run; everything else is fixed at plan time, so the same seed sends the same requests.
/// </summary>
public sealed record PlannedRequest(
    string Method,
    string PathTemplate,
    IReadOnlyDictionary<string, PathValue> PathValues,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body,
    string? ContentType)
{
    /// <summary>This request's own expected status, when it differs from the probe's (the first create of a duplicate pair).</summary>
    public ExpectedStatus? Expect { get; init; }

    /// <summary>Which step of a multi-request probe this is ("create", "read", "read-after-delete"), for messages.</summary>
    public string? Step { get; init; }

    /// <summary>Send to the Location the probe's first answer gave (same origin only) instead of the path template.</summary>
    public bool FollowLocation { get; init; }

    /// <summary>
    /// The step of the same probe that must have succeeded (2xx) before this request is sent: a chain ends where
    /// its create was refused, and nothing is sent to an item that was never made or is already deleted.
    /// </summary>
    public string? Requires { get; init; }

    /// <summary>
    /// A GET of the same item sent just before this write, whose ETag becomes this request's If-Match (the
    /// operation declares If-Match or documents 428). Not judged; kept as evidence.
    /// </summary>
    public PlannedRequest? ReadFirst { get; init; }

    /// <summary>
    /// As whom the request is sent (<see cref="Rules.IdentityNames"/>): the main identity, another of the rules'
    /// identities, or none. Its credentials are in <see cref="Headers"/> and <see cref="Query"/>; a token fetched at run
    /// time stands there as its <see cref="Rules.TokenSlot"/> until the request is sent.
    /// </summary>
    public string As { get; init; } = Rules.IdentityNames.Main;

    /// <summary>A create that carries the id of an item the run made: written into the body just before it is sent.</summary>
    public BodyId? IdInBody { get; init; }
    /// <summary>
    /// Request headers filled in just before sending from an earlier answer of the probe: the ETag a conditional write
    /// sends as If-Match (from <see cref="ReadFirst"/>), the validator a conditional GET sends as If-None-Match.
    /// </summary>
    public AnswerHeaders? FromAnswer { get; init; }

    /// <summary>What the latest answer of an earlier step must carry for this request to be sent at all (a validator to be conditional on).</summary>
    public (string Step, AnswerNeed What)? Needs { get; init; }

    /// <summary>
    /// The checks that judge this request's answer; null: every check. Empty: none — a reference that later steps
    /// compare with (the GET before a HEAD, the create a chain works on), kept as evidence.
    /// </summary>
    public IReadOnlyList<string>? JudgedBy { get; init; }

    /// <summary>With <see cref="Requires"/>: the step it needs must have been refused (answered, but not 2xx), not have succeeded — a read-back after a refused write.</summary>
    public bool RequiresRefusal { get; init; }

    /// <summary>
    /// Send to the target of this link relation ("next", "prev") in the latest earlier answer of the probe that has one
    /// (RFC 8288 Link), on the base URL's origin only, instead of the path template.
    /// </summary>
    public string? FollowLink { get; init; }

    /// <summary>True for a reference: sent and kept as evidence, judged by no check.</summary>
    public bool IsReference => JudgedBy is { Count: 0 };

    /// <summary>The operation this request calls, when it is not the probe's own (a lifecycle's read, update and delete).</summary>
    public Spec.ApiOperation? Operation { get; init; }

    /// <summary>The path with the plan-time values filled in (bound ids show their fallback).</summary>
    public string PreviewPath => Spec.PathTemplate.Parse(PathTemplate).Expand(PathValues.ToDictionary(p => p.Key, p => p.Value.Text));

    /// <summary>True when some path value is a guess rather than a known resource.</summary>
    public bool UsesGuessedId => PathValues.Values.Any(v => v.IsGuess);
}
