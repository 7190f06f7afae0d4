namespace ContractCheck.Core;

/// <summary>
/// A place in an input file: a line and column (1-based) for YAML rules files, a JSON pointer for
/// spec documents, or both.
/// </summary>
public sealed record SourceLocation(string File, int Line = 0, int Column = 0, string? Pointer = null)
{
    public override string ToString()
    {
        var text = File;
        if (Line > 0)
        {
            text += $":{Line}:{Column}";
        }

        if (!string.IsNullOrEmpty(Pointer))
        {
            text += (Line > 0 ? " " : "") + "#" + Pointer;
        }

        return text;
    }
}
