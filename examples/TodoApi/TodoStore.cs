using System.Collections.Concurrent;

namespace TodoApi;

/// <summary>In-memory storage; titles are unique (a second create with the same title is a conflict).</summary>
public sealed class TodoStore
{
    private readonly ConcurrentDictionary<long, Todo> _items = new();
    private readonly object _gate = new();
    private long _nextId;

    public IEnumerable<Todo> All => _items.Values.OrderBy(t => t.Id);

    public int Count => _items.Count;

    public Todo? Find(long id) => _items.GetValueOrDefault(id);

    /// <summary>Adds a todo, or returns null when one with the same title exists.</summary>
    public Todo? Add(string title, bool done)
    {
        lock (_gate)
        {
            if (_items.Values.Any(t => t.Title == title))
            {
                return null;
            }

            var todo = new Todo(Interlocked.Increment(ref _nextId), title, done, DateTimeOffset.UtcNow);
            _items[todo.Id] = todo;
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

            var updated = existing with { Title = title, Done = done };
            _items[id] = updated;
            return updated;
        }
    }

    public bool Remove(long id) => _items.TryRemove(id, out _);
}
