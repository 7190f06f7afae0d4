namespace TodoApi;

/// <summary>Settings of the example API.</summary>
public sealed class TodoApiOptions
{
    public const string DefaultToken = "demo-token";

    /// <summary>The bearer token every /todos request must carry.</summary>
    public string Token { get; init; } = DefaultToken;

    /// <summary>Requests to /todos each token may make per window; beyond, 429 with Retry-After.</summary>
    public int RateLimit { get; init; } = 100;

    /// <summary>The rate limit's fixed window.</summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromSeconds(2);
}
