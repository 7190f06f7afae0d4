using System.Collections.Concurrent;

namespace TodoApi;

/// <summary>In-memory storage of every account's todos; titles are unique within an account (a second create with the same title is a conflict).</summary>
public sealed class TodoStore
{
    /// <summary>The account of todos stored without one (the legacy API keeps no accounts).</summary>
    public const string DefaultAccount = "alice";

    private readonly ConcurrentDictionary<long, (Todo Todo, string Account)> _items = new();
    private readonly object _gate = new();
    private long _nextId;

    /// <summary>Every todo of every account, oldest first.</summary>
    public IEnumerable<Todo> All => _items.Values.Select(i => i.Todo).OrderBy(t => t.Id);

    public int Count => _items.Count;

    /// <summary>The todos of one account, oldest first.</summary>
    public IEnumerable<Todo> Of(string account) => _items.Values.Where(i => i.Account == account).Select(i => i.Todo).OrderBy(t => t.Id);

    /// <summary>A todo of any account.</summary>
    public Todo? Find(long id) => _items.TryGetValue(id, out var item) ? item.Todo : null;

    /// <summary>A todo of this account, or null (also when it belongs to another).</summary>
    public Todo? Find(long id, string account) => _items.TryGetValue(id, out var item) && item.Account == account ? item.Todo : null;

    /// <summary>Adds a todo, or returns null when the account has one with the same title.</summary>
    public Todo? Add(string title, bool done, string account = DefaultAccount)
    {
        lock (_gate)
        {
            if (_items.Values.Any(t => t.Account == account && t.Todo.Title == title))
            {
                return null;
            }

            var todo = new Todo(Interlocked.Increment(ref _nextId), title, done, DateTimeOffset.UtcNow);
            _items[todo.Id] = (todo, account);
            return todo;
        }
    }

    public Todo? Update(long id, string title, bool done)
    {
        lock (_gate)
        {
            if (!_items.TryGetValue(id, out var existing))
            {
                return null;
            }

            var updated = existing.Todo with { Title = title, Done = done };
            _items[id] = (updated, existing.Account);
            return updated;
        }
    }

    public bool Remove(long id) => _items.TryRemove(id, out _);
}
