namespace TodoApi;

/// <summary>A to-do item as the API stores and returns it.</summary>
public sealed record Todo(long Id, string Title, bool Done, DateTimeOffset CreatedAt);
