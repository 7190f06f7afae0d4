using ContractCheck.Core.Probes;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Execution;

/// <summary>
/// What the run has created on the target: ids to hand to later probes (from the probes that bind), every item
/// still alive (so the run deletes what it made, and only that), and for each binding the create's outcome, so a
/// probe that finds no item can say why. Thread-safe: the workers of a stage share it.
/// </summary>
public sealed class CreatedResources
{
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _bindings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _failures = new(StringComparer.Ordinal);
    private readonly List<CreatedItem> _alive = [];
    private readonly List<CreatedItem> _unidentified = [];
    private int _created;

    /// <summary>Items made and not yet deleted.</summary>
    public IReadOnlyList<CreatedItem> Alive
    {
        get
        {
            lock (_gate)
            {
                return [.. _alive];
            }
        }
    }

    /// <summary>
    /// Items made and not yet deleted that no later probe works on (not bound for other probes): what wrongly accepted
    /// bad requests made, and the like. They are deleted before the delete stage, so a parent is not deleted with them under it.
    /// </summary>
    public IReadOnlyList<CreatedItem> Unbound
    {
        get
        {
            lock (_gate)
            {
                return [.. _alive.Where(item => !_bindings.ContainsValue(item.Id))];
            }
        }
    }

    /// <summary>The clean-up deleted this item (or found it gone).</summary>
    public void Deleted(CreatedItem item)
    {
        lock (_gate)
        {
            _alive.Remove(item);
        }
    }

    /// <summary>Items a create made whose id could not be read from its answer (or that no DELETE removes): they can only be reported.</summary>
    public IReadOnlyList<CreatedItem> Unidentified
    {
        get
        {
            lock (_gate)
            {
                return [.. _unidentified];
            }
        }
    }

    /// <summary>How many items the run created, whether or not they were deleted since.</summary>
    public int Created
    {
        get
        {
            lock (_gate)
            {
                return _created;
            }
        }
    }

    public bool TryGetBinding(string key, out string id)
    {
        lock (_gate)
        {
            return _bindings.TryGetValue(key, out id!);
        }
    }

    /// <summary>Why no item is bound under <paramref name="key"/> although a create was tried ("createZone answered 422; …"), or null when none was tried.</summary>
    public string? WhyMissing(string key)
    {
        lock (_gate)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    /// <summary>Notes what an exchange created or deleted.</summary>
    public void Observe(Probe probe, Exchange exchange, IReadOnlyDictionary<string, string> pathValues)
    {
        var response = exchange.Response;
        var operation = exchange.Planned.Operation ?? probe.Operation;
        var name = operation.OperationId ?? operation.Key;
        lock (_gate)
        {
            if (probe.BindAs is { } bindAs && exchange.Planned.Method == "POST" && !_bindings.ContainsKey(bindAs))
            {
                _failures[bindAs] = response is not { Status: >= 200 and < 300 }
                    ? $"{name} answered {response?.Status.ToString() ?? "nothing (" + exchange.Error + ")"}; give a body it accepts in {Rules.RulesPath.Operation(name, "body")}"
                    : $"{name}'s answer named no id ContractCheck could read; say where with {Rules.RulesPath.Operation(name, "id")}";
            }

            if (response is null)
            {
                return;
            }

            Track(probe, exchange, response, pathValues);

            // A DELETE that removed an item settles it; so does a 404 or 410 to the main identity (it is gone). Another
            // identity's 404 settles nothing: it may only hide an item that is still there.
            if (exchange.Planned.Method == "DELETE" && (response.Status is >= 200 and < 300 || (response.Status is 404 or 410 && exchange.Planned.As == Rules.IdentityNames.Main)))
            {
                var template = PathTemplate.Parse(exchange.Planned.PathTemplate);
                if (template.EndsWithParameter && pathValues.TryGetValue(template.ParameterNames.Last(), out var deleted))
                {
                    _alive.RemoveAll(c => c.Key == ResourceMap.KeyOf(template.Template) && c.Id == deleted);
                }
            }
        }
    }

    // Any 2xx to a POST may have made something, and a 201 to a PUT did: each is tracked so the run can delete it.
    private void Track(Probe probe, Exchange exchange, ReceivedResponse response, IReadOnlyDictionary<string, string> pathValues)
    {
        var method = exchange.Planned.Method;
        if (method == "PUT" && response.Status == 201 && PathTemplate.Parse(exchange.Planned.PathTemplate) is { EndsWithParameter: true } put
            && pathValues.TryGetValue(put.ParameterNames.Last(), out var putId))
        {
            _created++;
            _alive.Add(new CreatedItem(ResourceMap.KeyOf(put.Template), putId, exchange.Request.Url, ParentPath(exchange.Request.Url)));
            return;
        }

        if (method != "POST" || response.Status is < 200 or >= 300)
        {
            return;
        }

        // A POST to an item (an action on it) creates nothing of the probe's kind, whatever its chain creates.
        if (probe.Creates is not { } key || PathTemplate.Parse(exchange.Planned.PathTemplate).EndsWithParameter)
        {
            // A 201 says something was made even where the spec has no item path for it: reported, it cannot be deleted.
            if (response.Status == 201)
            {
                _created++;
                _unidentified.Add(new CreatedItem(exchange.Request.Url.AbsolutePath, CreatedItem.UnknownId, exchange.Request.Url, exchange.Request.Url.AbsolutePath));
            }

            return;
        }

        if (CreatedIds.Extract(exchange, key, probe.IdFrom) is { } id)
        {
            // An answer that names the item an earlier create of the same probe made (a replay by its idempotency key) made nothing new.
            if (!MadeBefore(exchange, key, probe.IdFrom, id))
            {
                _created++;
                _alive.Add(new CreatedItem(key, id, exchange.Request.Url, ItemParent(exchange.Request.Url.AbsolutePath, key)));
            }

            if (probe.BindAs is { } bindAs)
            {
                _bindings[bindAs] = id;
                _failures.Remove(bindAs);
            }
        }
        else if (response.Status == 201)
        {
            _created++;
            _unidentified.Add(new CreatedItem(key, CreatedItem.UnknownId, exchange.Request.Url, exchange.Request.Url.AbsolutePath));
        }
    }

    private static bool MadeBefore(Exchange exchange, string key, string? idFrom, string id)
    {
        for (var earlier = exchange.Previous; earlier is not null; earlier = earlier.Previous)
        {
            if (earlier.Planned.Method == "POST" && earlier.Response is { Status: >= 200 and < 300 } && CreatedIds.Extract(earlier, key, idFrom) == id)
            {
                return true;
            }
        }

        return false;
    }

    // Where a created item lives: the collection posted to, or its singular sibling when the spec names the item so
    // (POST /api/silences creates /api/silence/{id}): the key's literal segments replace the request path's last ones.
    internal static string ItemParent(string collectionPath, string key)
    {
        var keySegments = key.Trim('/').Split('/')[..^1];
        var segments = collectionPath.TrimEnd('/').Split('/');
        if (segments.Length - 1 < keySegments.Length)
        {
            return collectionPath;
        }

        var offset = segments.Length - keySegments.Length;
        for (var i = 0; i < keySegments.Length; i++)
        {
            if (keySegments[i] != "{}")
            {
                segments[offset + i] = keySegments[i];
            }
        }

        return string.Join('/', segments);
    }

    private static string ParentPath(Uri itemUrl)
    {
        var path = itemUrl.AbsolutePath.TrimEnd('/');
        return path[..Math.Max(0, path.LastIndexOf('/'))];
    }
}
