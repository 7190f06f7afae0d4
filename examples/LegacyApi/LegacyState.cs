using System.Collections.Concurrent;

namespace LegacyApi;

/// <summary>What the legacy API keeps besides its todos: the soft-deleted ids and its throttle.</summary>
internal sealed class LegacyState
{
    /// <summary>Todos "deleted" by the soft delete: marked, never removed.</summary>
    public ConcurrentDictionary<long, bool> Deleted { get; } = new();

    public LegacyLoad Load { get; } = new();

    /// <summary>The tags, kept as the Todo API keeps them; the mistakes are in how they are answered (<see cref="LegacyTags"/>).</summary>
    public TodoApi.TagStore Tags { get; } = new();
}
