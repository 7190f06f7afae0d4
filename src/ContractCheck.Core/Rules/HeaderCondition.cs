using System.Text.RegularExpressions;

namespace ContractCheck.Core.Rules;

/// <summary>A header named in a rules row: it must be present (or absent), and match a pattern when one is given.</summary>
public sealed record HeaderCondition(string Name, Regex? Pattern);
