namespace ContractCheck.Core.Execution;

/// <summary>Bounds and target of the Execute stage.</summary>
public sealed record ExecutorOptions(Uri BaseUrl)
{
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Bytes of a response body read; the rest is discarded and the body marked truncated.</summary>
    public int MaxBodyBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Hard ceiling on the requests a run sends.</summary>
    public int MaxRequests { get; init; } = 10_000;

    /// <summary>Longest wait for the target's rate limit (a 429's Retry-After) before a request is sent again.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Accept any TLS certificate (--insecure): for test servers with self-signed certificates only.</summary>
    public bool Insecure { get; init; }

    /// <summary>How many times one request is sent again after 429s before the answer is taken as it is.</summary>
    public int MaxRateLimitRetries { get; init; } = 5;

    /// <summary>Lanes run side by side within a stage (--workers).</summary>
    public int Workers { get; init; } = 4;

    /// <summary>Hosts besides the base URL's that may receive credentials (--allow-host): an OAuth 2.0 token URL elsewhere.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>After this many requests in a row without an answer, the target is taken for dead and the run stops.</summary>
    public int MaxMissedAnswers { get; init; } = 3;
}
