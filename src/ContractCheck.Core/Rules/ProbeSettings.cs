namespace ContractCheck.Core.Rules;

/// <summary>
/// A probe kind's settings from the rules' <c>probes</c> section: on or off, and its options, read and
/// checked when the rules load so that planning never parses.
/// </summary>
public sealed record ProbeSettings(bool Enabled)
{
    public static ProbeSettings Default { get; } = new(true);

    /// <summary>invalid-body <c>maxCases</c>: at most this many cases per operation.</summary>
    public int? MaxCases { get; init; }

    /// <summary>invalid-body <c>formats</c>: whether cases that break a format are sent.</summary>
    public bool? Formats { get; init; }

    /// <summary>duplicate-create <c>operations</c>: creates to probe even where the spec documents no 409.</summary>
    public IReadOnlyList<OperationSelector> Operations { get; init; } = [];

    /// <summary>wrong-method <c>ignoreMethods</c>: methods never sent (upper case).</summary>
    public IReadOnlyList<string>? IgnoreMethods { get; init; }

    /// <summary>unacceptable-accept <c>strict</c>: a 2xx that disregards Accept is a failure, not a skip.</summary>
    public bool? Strict { get; init; }

    /// <summary>idempotency-key <c>header</c>: the request header that carries the key (default Idempotency-Key).</summary>
    public string? Header { get; init; }
}
