namespace ContractCheck.Core.Rules;

/// <summary>
/// The table of expected statuses by probe and method (rules section <c>expect</c>), used where the
/// spec documents no success status. The key <c>create</c> stands for a POST that creates an item of
/// a collection.
/// </summary>
public sealed class ExpectTable
{
    private readonly Dictionary<string, Dictionary<string, IReadOnlyList<StatusPattern>>> _rows;
    private readonly Dictionary<string, string> _why;

    public ExpectTable(Dictionary<string, Dictionary<string, IReadOnlyList<StatusPattern>>> rows, Dictionary<string, string>? why = null)
    {
        _rows = rows;
        _why = why ?? [];
    }

    public static ExpectTable Empty { get; } = new([]);

    /// <summary>The row's reason, said in failures: "malformed JSON must be a client error".</summary>
    public string? Why(string probe) => _why.GetValueOrDefault(probe);

    /// <summary>Expected statuses for a probe and a method (or "create"); the probe's "*" row applies to any method.</summary>
    public IReadOnlyList<StatusPattern>? Find(string probe, string methodOrCreate) =>
        _rows.TryGetValue(probe, out var byMethod)
            ? byMethod.GetValueOrDefault(methodOrCreate) ?? byMethod.GetValueOrDefault("*")
            : null;

    /// <summary>Later tables override earlier ones cell by cell.</summary>
    public ExpectTable Merge(ExpectTable later)
    {
        var merged = _rows.ToDictionary(r => r.Key, r => new Dictionary<string, IReadOnlyList<StatusPattern>>(r.Value));
        foreach (var (probe, byMethod) in later._rows)
        {
            if (!merged.TryGetValue(probe, out var target))
            {
                merged[probe] = target = [];
            }

            foreach (var (method, statuses) in byMethod)
            {
                target[method] = statuses;
            }
        }

        var why = new Dictionary<string, string>(_why);
        foreach (var (probe, text) in later._why)
        {
            why[probe] = text;
        }

        return new ExpectTable(merged, why);
    }
}
