using System.Text;

namespace ContractCheck.Core.Schema;

/// <summary>
/// Makes a string that matches a pattern, for the common pattern shapes of API schemas: literals,
/// escapes (\d \w \s), classes ([a-z0-9_-], [^…]), groups with alternation, quantifiers (? * + {n,m})
/// and anchors. Lookarounds and back-references are not generated (null is returned); every result
/// is checked against the pattern before it is used.
/// </summary>
public sealed class RegexGenerator
{
    private const string Printable = " !#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~";
    private const int OpenRepeat = 3;

    private readonly string _pattern;
    private readonly Random _random;
    private int _at;

    private RegexGenerator(string pattern, Random random)
    {
        _pattern = pattern;
        _random = random;
    }

    /// <summary>A string matching <paramref name="pattern"/>, or null when the pattern uses constructs this does not generate.</summary>
    public static string? Generate(string pattern, Random random, int? minLength = null, int? maxLength = null)
    {
        var regex = EcmaRegex.Get(pattern);
        if (regex is null)
        {
            return null;
        }

        for (var attempt = 0; attempt < 12; attempt++)
        {
            string? text;
            try
            {
                var generator = new RegexGenerator(pattern, random);
                var sb = new StringBuilder();
                generator.Alternation(sb);
                text = generator._at == pattern.Length ? sb.ToString() : null;
            }
            catch (NotSupportedException)
            {
                return null;
            }

            if (text is not null && regex.IsMatch(text) && (minLength is null || text.Length >= minLength) && (maxLength is null || text.Length <= maxLength))
            {
                return text;
            }
        }

        return null;
    }

    private void Alternation(StringBuilder sb)
    {
        var branches = new List<StringBuilder> { new() };
        while (_at < _pattern.Length && _pattern[_at] != ')')
        {
            if (_pattern[_at] == '|')
            {
                _at++;
                branches.Add(new StringBuilder());
                continue;
            }

            Quantified(branches[^1]);
        }

        sb.Append(branches[_random.Next(branches.Count)]);
    }

    private void Quantified(StringBuilder sb)
    {
        var start = _at;
        var atom = new StringBuilder();
        Atom(atom);
        var (min, max) = Quantifier();
        if (min == 1 && max == 1)
        {
            sb.Append(atom);
            return;
        }

        var count = min + _random.Next(Math.Max(1, max - min + 1));
        for (var i = 0; i < count; i++)
        {
            if (i == 0)
            {
                sb.Append(atom);
                continue;
            }

            // Each repetition is generated afresh ([a-z]{3} is not "aaa").
            var saved = _at;
            _at = start;
            var again = new StringBuilder();
            Atom(again);
            _at = saved;
            sb.Append(again);
        }
    }

    private (int Min, int Max) Quantifier()
    {
        if (_at >= _pattern.Length)
        {
            return (1, 1);
        }

        (int, int) result;
        switch (_pattern[_at])
        {
            case '?':
                _at++;
                result = (0, 1);
                break;
            case '*':
                _at++;
                result = (0, OpenRepeat);
                break;
            case '+':
                _at++;
                result = (1, OpenRepeat);
                break;
            case '{' when _pattern.IndexOf('}', _at) is var close and > 0 && IsCount(_pattern[(_at + 1)..close]):
                var parts = _pattern[(_at + 1)..close].Split(',');
                var low = int.Parse(parts[0]);
                var high = parts.Length == 1 ? low : parts[1].Length == 0 ? low + OpenRepeat : int.Parse(parts[1]);
                _at = close + 1;
                result = (low, Math.Min(high, low + 8));
                break;
            default:
                return (1, 1);
        }

        if (_at < _pattern.Length && _pattern[_at] is '?' or '+')
        {
            _at++;
        }

        return result;
    }

    private static bool IsCount(string text) => text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c == ',') && char.IsAsciiDigit(text[0]) && text.Count(c => c == ',') <= 1;

    private void Atom(StringBuilder sb)
    {
        var c = _pattern[_at++];
        switch (c)
        {
            case '^' or '$':
                return;
            case '.':
                sb.Append(Pick("abcdefghijklmnopqrstuvwxyz0123456789"));
                return;
            case '(':
                if (_at < _pattern.Length && _pattern[_at] == '?')
                {
                    if (_at + 1 < _pattern.Length && _pattern[_at + 1] == ':')
                    {
                        _at += 2;
                    }
                    else if (_at + 1 < _pattern.Length && _pattern[_at + 1] == '<' && _at + 2 < _pattern.Length && _pattern[_at + 2] is not ('=' or '!'))
                    {
                        _at = _pattern.IndexOf('>', _at) + 1;
                    }
                    else
                    {
                        throw new NotSupportedException("lookaround");
                    }
                }

                Alternation(sb);
                if (_at >= _pattern.Length || _pattern[_at] != ')')
                {
                    throw new NotSupportedException("unbalanced group");
                }

                _at++;
                return;
            case '[':
                sb.Append(Pick(Class()));
                return;
            case '\\':
                sb.Append(Pick(Escape(inClass: false)));
                return;
            default:
                sb.Append(c);
                return;
        }
    }

    private string Escape(bool inClass)
    {
        var e = _pattern[_at++];
        return e switch
        {
            'd' => "0123456789",
            'w' => "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_",
            's' => " ",
            'D' => "abcxyz",
            'W' => "-!",
            'S' => "abc",
            'n' => "\n",
            't' => "\t",
            'b' when !inClass => "",
            'u' when _at + 4 <= _pattern.Length => ((char)Convert.ToInt32(_pattern.Substring((_at += 4) - 4, 4), 16)).ToString(),
            'x' when _at + 2 <= _pattern.Length => ((char)Convert.ToInt32(_pattern.Substring((_at += 2) - 2, 2), 16)).ToString(),
            'p' or 'P' => throw new NotSupportedException("unicode property"),
            >= '1' and <= '9' => throw new NotSupportedException("back-reference"),
            _ => e.ToString(),
        };
    }

    private string Class()
    {
        var negate = _at < _pattern.Length && _pattern[_at] == '^';
        if (negate)
        {
            _at++;
        }

        var set = new StringBuilder();
        var first = true;
        while (_at < _pattern.Length && (_pattern[_at] != ']' || first))
        {
            first = false;
            string piece;
            if (_pattern[_at] == '\\')
            {
                _at++;
                piece = Escape(inClass: true);
            }
            else
            {
                piece = _pattern[_at++].ToString();
            }

            if (piece.Length == 1 && _at + 1 < _pattern.Length && _pattern[_at] == '-' && _pattern[_at + 1] != ']')
            {
                _at++;
                var to = _pattern[_at] == '\\' ? (++_at < _pattern.Length ? Escape(inClass: true)[0] : piece[0]) : _pattern[_at++];
                for (var ch = piece[0]; ch <= to && ch < char.MaxValue; ch++)
                {
                    set.Append(ch);
                }

                continue;
            }

            set.Append(piece);
        }

        if (_at >= _pattern.Length)
        {
            throw new NotSupportedException("unclosed class");
        }

        _at++;
        var members = set.ToString();
        return negate ? new string(Printable.Where(ch => !members.Contains(ch, StringComparison.Ordinal)).ToArray()) : members;
    }

    private string Pick(string choices) => choices.Length == 0 ? "" : choices[_random.Next(choices.Length)].ToString();
}
