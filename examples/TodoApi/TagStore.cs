using System.Collections.Concurrent;

namespace TodoApi;

/// <summary>In-memory tags by id, each of one account; an id names one tag only (creating it again is a conflict).</summary>
public sealed class TagStore
{
    private readonly ConcurrentDictionary<Guid, (Tag Tag, string Account)> _tags = new();

    public int Count => _tags.Count;

    /// <summary>The tag, when it is this account's.</summary>
    public Tag? Find(Guid id, string account) => _tags.TryGetValue(id, out var entry) && entry.Account == account ? entry.Tag : null;

    /// <summary>Adds a tag, or returns false when one with this id exists.</summary>
    public bool TryAdd(Tag tag, string account = TodoStore.DefaultAccount) => _tags.TryAdd(tag.Id, (tag, account));

    public bool Remove(Guid id) => _tags.TryRemove(id, out _);
}
