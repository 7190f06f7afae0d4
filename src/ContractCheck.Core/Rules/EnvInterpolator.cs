using System.Text;
using ContractCheck.Core.Yaml;

namespace ContractCheck.Core.Rules;

/// <summary>
/// Replaces <c>${NAME}</c> and <c>${NAME:-default}</c> in every scalar of a rules file with the
/// environment's values (<c>$${</c> writes a literal <c>${</c>). A variable that is not set and has
/// no default is an error at its line and column.
/// </summary>
internal sealed class EnvInterpolator
{
    private readonly Func<string, string?> _environment;
    private readonly string _file;
    private readonly Dictionary<YNode, YNode> _done = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string> _variables;
    private readonly HashSet<string> _fromEnvironment;

    /// <param name="environment">Reads a variable.</param>
    /// <param name="file">The rules file, for messages.</param>
    /// <param name="variables">Filled with each value put in and the variable it came from, so a reproduction can name the variable instead of the secret.</param>
    /// <param name="fromEnvironment">Filled with each value the environment gave (not a default): such values are treated as secrets.</param>
    public EnvInterpolator(Func<string, string?> environment, string file, Dictionary<string, string>? variables = null, HashSet<string>? fromEnvironment = null)
    {
        _environment = environment;
        _file = file;
        _variables = variables ?? [];
        _fromEnvironment = fromEnvironment ?? [];
    }

    public YNode? Apply(YNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (_done.TryGetValue(node, out var existing))
        {
            return existing;
        }

        YNode result;
        switch (node)
        {
            case YScalar s:
                result = s.Value.Contains('$', StringComparison.Ordinal) ? new YScalar(Expand(s), s.IsPlain, s.Tag, s.Line, s.Column) : s;
                break;
            case YSequence seq:
                var list = new YSequence(seq.Line, seq.Column);
                _done[node] = list;
                list.Items.AddRange(seq.Items.Select(i => Apply(i)!));
                return list;
            case YMapping map:
                var copy = new YMapping(map.Line, map.Column);
                _done[node] = copy;
                foreach (var (key, value) in map.Entries)
                {
                    copy.TryAdd(key, Apply(value)!);
                }

                return copy;
            default:
                result = node;
                break;
        }

        _done[node] = result;
        return result;
    }

    private string Expand(YScalar scalar)
    {
        var text = scalar.Value;
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 2 < text.Length && text[i + 1] == '$' && text[i + 2] == '{')
            {
                sb.Append("${");
                i += 2;
                continue;
            }

            if (text[i] != '$' || i + 1 >= text.Length || text[i + 1] != '{')
            {
                sb.Append(text[i]);
                continue;
            }

            var close = text.IndexOf('}', i + 2);
            if (close < 0)
            {
                throw new ContractCheckException("'${' without a closing '}'", new SourceLocation(_file, scalar.Line, scalar.Column), "write ${NAME} or ${NAME:-default}; write $${ for a literal '${'");
            }

            var inner = text[(i + 2)..close];
            var split = inner.IndexOf(":-", StringComparison.Ordinal);
            var name = split >= 0 ? inner[..split] : inner;
            var fallback = split >= 0 ? inner[(split + 2)..] : null;
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new ContractCheckException($"'${{{inner}}}' is not a valid variable reference", new SourceLocation(_file, scalar.Line, scalar.Column), "variable names use letters, digits and '_': ${API_TOKEN} or ${API_TOKEN:-default}");
            }

            var value = _environment(name);
            if (!string.IsNullOrEmpty(value))
            {
                _fromEnvironment.Add(value);
            }
            else
            {
                value = fallback ?? throw new ContractCheckException(
                    $"environment variable {name} is not set (or is empty)",
                    new SourceLocation(_file, scalar.Line, scalar.Column),
                    $"set it (export {name}=…) or give a default: ${{{name}:-value}}");
            }

            _variables.TryAdd(value, name);
            sb.Append(value);
            i = close;
        }

        return sb.ToString();
    }
}
