namespace TodoApi;

/// <summary>Settings of the example API.</summary>
public sealed class TodoApiOptions
{
    public const string DefaultToken = "demo-token";

    public const string DefaultReaderToken = "reader-token";

    /// <summary>alice's bearer token: she owns the todos of her account.</summary>
    public string Token { get; init; } = DefaultToken;

    /// <summary>carol's bearer token: she may read alice's todos and change none.</summary>
    public string ReaderToken { get; init; } = DefaultReaderToken;

    /// <summary>Each user's password for POST /login (alice, bob, carol).</summary>
    public IReadOnlyDictionary<string, string> Passwords { get; init; } = new Dictionary<string, string>
    {
        [TodoUser.Alice.Name] = "alice-password",
        [TodoUser.Bob.Name] = "bob-password",
        [TodoUser.Carol.Name] = "carol-password",
    };

    /// <summary>How many requests a token from POST /login serves before it expires (401); null: it does not expire.</summary>
    public int? TokenUses { get; init; }

    /// <summary>Requests to /todos each token may make per window; beyond, 429 with Retry-After.</summary>
    public int RateLimit { get; init; } = 100;

    /// <summary>The rate limit's (sliding) window.</summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromSeconds(2);
}
