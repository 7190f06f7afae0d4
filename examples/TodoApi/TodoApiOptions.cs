namespace TodoApi;

/// <summary>Settings of the example API.</summary>
public sealed class TodoApiOptions
{
    public const string DefaultToken = "demo-token";

    /// <summary>The bearer token every /todos request must carry.</summary>
    public string Token { get; init; } = DefaultToken;
}
