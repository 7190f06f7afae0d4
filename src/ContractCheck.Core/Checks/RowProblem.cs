namespace ContractCheck.Core.Checks;

/// <summary>One broken condition of a table row: a sentence, and what was expected against what came.</summary>
public sealed record RowProblem(string Message, string Expected, string Actual);
