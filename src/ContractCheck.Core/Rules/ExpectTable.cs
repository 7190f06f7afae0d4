namespace ContractCheck.Core.Rules;

/// <summary>
/// The table of expected statuses by probe and method (rules section <c>expect</c>), used where the
/// spec documents no success status. The key <c>create</c> stands for a POST that creates an item of
/// a collection.
/// </summary>
public sealed class ExpectTable
{
    private readonly Dictionary<string, Dictionary<string, IReadOnlyList<StatusPattern>>> _rows;

    public ExpectTable(Dictionary<string, Dictionary<string, IReadOnlyList<StatusPattern>>> rows)
    {
        _rows = rows;
    }

    public static ExpectTable Empty { get; } = new([]);

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

        return new ExpectTable(merged);
    }
}
