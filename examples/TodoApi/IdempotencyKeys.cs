using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace TodoApi;

/// <summary>
/// Creates by Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): the first create with a key is remembered
/// with a hash of its body; the same key and body again is answered as the first was, the key with another body is
/// refused with 422. Only creates that succeeded are remembered (a refused one may be sent again, corrected).
/// </summary>
public sealed class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    private readonly ConcurrentDictionary<string, (byte[] Hash, Todo Todo)> _done = new(StringComparer.Ordinal);

    /// <summary>The answer a key already has for this body (a replay, or a 422), or null for a new key.</summary>
    public IResult? Known(string key, byte[] body)
    {
        if (!_done.TryGetValue(key, out var done))
        {
            return null;
        }

        return done.Hash.AsSpan().SequenceEqual(SHA256.HashData(body))
            ? Created(done.Todo)
            : TodoApp.Problem(422, "Unprocessable Content", "this Idempotency-Key was used with another body; send a new key for a new todo");
    }

    public IResult Remember(string key, byte[] body, Todo todo)
    {
        _done.TryAdd(key, (SHA256.HashData(body), todo));
        return Created(todo);
    }

    private static IResult Created(Todo todo) => Results.Created($"/todos/{todo.Id}", todo);
}
