namespace ContractCheck.Core.Yaml;

/// <summary>A YAML mapping with scalar keys, in document order, keys unique.</summary>
public sealed class YMapping : YNode
{
    private readonly List<KeyValuePair<YScalar, YNode>> _entries = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public YMapping(int line, int column)
        : base(line, column)
    {
    }

    public IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries => _entries;

    public override string KindName => "a mapping";

    /// <summary>The value for a key, or null when the key is absent.</summary>
    public YNode? this[string key] => _index.TryGetValue(key, out var i) ? _entries[i].Value : null;

    public bool ContainsKey(string key) => _index.ContainsKey(key);

    /// <summary>Adds an entry; returns false when the key is already present.</summary>
    internal bool TryAdd(YScalar key, YNode value)
    {
        if (!_index.TryAdd(key.Value, _entries.Count))
        {
            return false;
        }

        _entries.Add(new(key, value));
        return true;
    }
}
