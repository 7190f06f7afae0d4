using ContractCheck.Core.Probes;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Execution;

/// <summary>
/// What the run has created on the target: ids to hand to later probes (from the probes that bind),
/// and every item still alive, so the run can delete what it made.
/// </summary>
public sealed class CreatedResources
{
    private readonly Dictionary<string, string> _bindings = new(StringComparer.Ordinal);
    private readonly List<CreatedItem> _alive = [];
    private readonly List<CreatedItem> _unidentified = [];

    public IReadOnlyList<CreatedItem> Alive => _alive;

    /// <summary>Items a create made whose id could not be read from its answer: they cannot be deleted, only reported.</summary>
    public IReadOnlyList<CreatedItem> Unidentified => _unidentified;

    public bool TryGetBinding(string key, out string id) => _bindings.TryGetValue(key, out id!);

    /// <summary>Notes what an exchange created or deleted.</summary>
    public void Observe(Probe probe, Exchange exchange, IReadOnlyDictionary<string, string> pathValues)
    {
        if (exchange.Response is not { } response)
        {
            return;
        }

        if (probe.Creates is { } key && response.Status is >= 200 and < 300 && exchange.Planned.Method == "POST")
        {
            if (CreatedIds.Extract(exchange.Request.Url, response, key, probe.IdFrom) is { } id)
            {
                _alive.Add(new CreatedItem(key, id, exchange.Request.Url));
                if (probe.BindAs is { } bindAs)
                {
                    _bindings[bindAs] = id;
                }
            }
            else if (response.Status == 201)
            {
                // Only a 201 says something was made; a 200 without an id (often {"success": false}) made nothing we can name.
                _unidentified.Add(new CreatedItem(key, "?", exchange.Request.Url));
            }
        }

        // A DELETE that removed an item (or found it gone) settles it.
        if (exchange.Planned.Method == "DELETE" && response.Status is (>= 200 and < 300) or 404 or 410)
        {
            var template = PathTemplate.Parse(exchange.Planned.PathTemplate);
            if (template.EndsWithParameter && pathValues.TryGetValue(template.ParameterNames.Last(), out var deleted))
            {
                _alive.RemoveAll(c => c.Key == ResourceMap.KeyOf(template.Template) && c.Id == deleted);
            }
        }
    }
}
