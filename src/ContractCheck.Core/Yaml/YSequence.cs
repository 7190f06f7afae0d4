namespace ContractCheck.Core.Yaml;

/// <summary>A YAML sequence.</summary>
public sealed class YSequence : YNode
{
    public YSequence(int line, int column)
        : base(line, column)
    {
    }

    public List<YNode> Items { get; } = [];

    public override string KindName => "a list";
}
