namespace ContractCheck.Core.Yaml;

/// <summary>
/// A YAML node that remembers where it was written, so every rules error can name line and column.
/// Aliases are not expanded: an alias is the same node object as its anchor.
/// </summary>
public abstract class YNode
{
    protected YNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    /// <summary>1-based line of the node's first character.</summary>
    public int Line { get; }

    /// <summary>1-based column of the node's first character.</summary>
    public int Column { get; }

    /// <summary>A short word for messages: "a mapping", "a list", "a text value".</summary>
    public abstract string KindName { get; }
}
