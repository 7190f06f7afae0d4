namespace ContractCheck.Core.Yaml;

/// <summary>A YAML scalar: its text, whether it was quoted, and its explicit tag if any.</summary>
public sealed class YScalar : YNode
{
    public YScalar(string value, bool isPlain, string? tag, int line, int column)
        : base(line, column)
    {
        Value = value;
        IsPlain = isPlain;
        Tag = tag;
    }

    public string Value { get; }

    /// <summary>True for plain (unquoted, non-block) scalars: only those resolve to null, bool or number.</summary>
    public bool IsPlain { get; }

    public string? Tag { get; }

    /// <summary>YAML 1.2 core schema: a plain <c>null</c>, <c>~</c> or empty scalar.</summary>
    public bool IsNull => IsPlain && Tag is null && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => IsNull ? "null" : "a value";

    public override string ToString() => Value;
}
