using System.Text.RegularExpressions;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// Collections and items of the spec: <c>POST /todos</c> creates what <c>/todos/{id}</c> names. Lets
/// probes use the id of a resource the run created instead of guessing one.
/// </summary>
public sealed partial class ResourceMap
{
    private readonly Dictionary<string, string> _itemParameters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _createdKeys;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ApiOperation, string?> _created = new(ReferenceEqualityComparer.Instance);

    public ResourceMap(IReadOnlyList<ApiOperation> operations)
    {
        // Each template is parsed once here; the planner asks per operation and probe kind, on specs of thousands of paths.
        foreach (var template in operations.Select(o => PathTemplate.Parse(o.Path)).Where(t => t.EndsWithParameter))
        {
            _itemParameters.TryAdd(KeyOf(template.Template), template.ParameterNames.Last());
        }

        _createdKeys = operations.Select(CreatedKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>True for a POST on a collection that has an item path beside it: <c>POST /todos</c> with <c>/todos/{id}</c>.</summary>
    public bool IsCreate(ApiOperation operation) => CreatedKey(operation) is not null;

    /// <summary>For a create, the key of the item it creates (<c>/todos/{}</c>); else null.</summary>
    public string? CreatedKey(ApiOperation operation) => operation.Method != "POST" ? null : _created.GetOrAdd(operation, o =>
    {
        if (PathTemplate.Parse(o.Path).EndsWithParameter)
        {
            return null;
        }

        // POST /todos creates /todos/{id}; some APIs name the item in the singular: POST /silences creates /silence/{id}.
        var collection = o.Path.TrimEnd('/');
        var key = KeyOf(collection + "/{}");
        if (_itemParameters.ContainsKey(key))
        {
            return key;
        }

        var slash = collection.LastIndexOf('/');
        var last = collection[(slash + 1)..];
        var singular = last.EndsWith("ies", StringComparison.Ordinal) ? last[..^3] + "y" : last.EndsWith('s') ? last[..^1] : null;
        var singularKey = singular is { Length: > 0 } ? KeyOf(collection[..(slash + 1)] + singular + "/{}") : null;
        return singularKey is not null && _itemParameters.ContainsKey(singularKey) ? singularKey : null;
    });

    /// <summary>
    /// The collection an operation works on, its items included: <c>/todos</c> for <c>POST /todos</c>, <c>GET /todos</c>
    /// and <c>PUT /todos/{id}</c>; for a create whose items are named in the singular, the items' collection
    /// (<c>/silence</c> for <c>POST /silences</c>).
    /// </summary>
    public string FamilyOf(ApiOperation operation)
    {
        var key = CreatedKey(operation) ?? KeyOf(operation.Path);
        return key.EndsWith("/{}", StringComparison.Ordinal) ? key[..^3] : key;
    }

    /// <summary>The last parameter of the first item path with this key (<c>zoneName</c> for <c>/zones/{zoneName}</c>), or null.</summary>
    public string? ItemParameter(string? key) => key is not null && _itemParameters.TryGetValue(key, out var name) ? name : null;

    /// <summary>The binding key for a path parameter: the item its prefix names (<c>/users/{}</c> for userId in /users/{userId}/posts).</summary>
    public static string BindingKey(string path, string parameter)
    {
        var end = path.IndexOf("{" + parameter + "}", StringComparison.Ordinal);
        return end < 0 ? KeyOf(path) : KeyOf(path[..(end + parameter.Length + 2)]);
    }

    /// <summary>The template with parameter names erased, so /users/{id} and /users/{userId} are one item.</summary>
    public static string KeyOf(string template) => Keys.GetOrAdd(template, t => ParameterName().Replace(t.TrimEnd('/'), "{}"));

    // Asked for every request of the plan; a spec has a few thousand templates at most.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Keys = new(StringComparer.Ordinal);

    /// <summary>"/todos item" for a key such as <c>/todos/{}</c> (or a lifecycle's own <c>lifecycle:/todos/{}</c>), in messages.</summary>
    public static string Describe(string key)
    {
        var bare = key[(key.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? slash : 0)..];
        return (bare.EndsWith("/{}", StringComparison.Ordinal) ? bare[..^3] : bare) + " item";
    }

    /// <summary>True when some create in the spec produces ids for this key.</summary>
    public bool HasCreator(string key) => _createdKeys.Contains(key);

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex ParameterName();
}
