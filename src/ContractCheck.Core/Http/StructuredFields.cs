using System.Globalization;
using System.Text;

namespace ContractCheck.Core.Http;

/// <summary>
/// A parser for Structured Field Values (RFC 9651): Lists, Dictionaries and Items with their Parameters, over the bare
/// types Integer, Decimal, String, Token, Byte Sequence, Boolean, Date and Display String. Strict, as §4.2 asks: a value
/// that does not parse is an error with the place where it stopped, never a guess.
/// </summary>
public static class StructuredFields
{
    /// <summary>Parses a List field (§4.2.1); several field lines are joined with ", " first.</summary>
    public static SfResult<IReadOnlyList<SfMember>> List(string text) => Run<IReadOnlyList<SfMember>>(text, p => p.List());

    /// <summary>Parses a Dictionary field (§4.2.2).</summary>
    public static SfResult<IReadOnlyList<KeyValuePair<string, SfMember>>> Dictionary(string text) => Run<IReadOnlyList<KeyValuePair<string, SfMember>>>(text, p => p.Dictionary());

    /// <summary>Parses an Item field (§4.2.3).</summary>
    public static SfResult<SfMember> Item(string text) => Run(text, p => p.Item());

    private static SfResult<T> Run<T>(string text, Func<Parser, T> parse)
    {
        var parser = new Parser(text);
        try
        {
            parser.SkipSpaces();
            var value = parse(parser);
            parser.SkipSpaces();
            return parser.AtEnd ? new SfResult<T>(value, null) : new SfResult<T>(default, parser.Error("unexpected text after the value").Message);
        }
        catch (FormatException e)
        {
            return new SfResult<T>(default, e.Message);
        }
    }

    private sealed class Parser(string text)
    {
        private int _at;

        public bool AtEnd => _at >= text.Length;

        private char Peek => _at < text.Length ? text[_at] : '\0';

        public FormatException Error(string what) =>
            new($"{what} at character {_at + 1} of '{(text.Length > 80 ? text[..80] + "…" : text)}'");

        public void SkipSpaces()
        {
            while (!AtEnd && text[_at] == ' ')
            {
                _at++;
            }
        }

        private void SkipOws()
        {
            while (!AtEnd && text[_at] is ' ' or '\t')
            {
                _at++;
            }
        }

        public List<SfMember> List()
        {
            var members = new List<SfMember>();
            while (!AtEnd)
            {
                members.Add(Peek == '(' ? InnerList() : Item());
                if (!Separator())
                {
                    break;
                }
            }

            return members;
        }

        public List<KeyValuePair<string, SfMember>> Dictionary()
        {
            var members = new List<KeyValuePair<string, SfMember>>();
            while (!AtEnd)
            {
                var key = Key();
                SfMember member;
                if (Peek == '=')
                {
                    _at++;
                    member = Peek == '(' ? InnerList() : Item();
                }
                else
                {
                    member = new SfMember(new SfValue(SfKind.Boolean, true), Parameters());
                }

                members.RemoveAll(m => m.Key == key);
                members.Add(new(key, member));
                if (!Separator())
                {
                    break;
                }
            }

            return members;
        }

        // After a member: the end, or "," between optional whitespace and another member (a trailing comma is an error).
        private bool Separator()
        {
            SkipOws();
            if (AtEnd)
            {
                return false;
            }

            if (Peek != ',')
            {
                throw Error("expected ',' between members");
            }

            _at++;
            SkipOws();
            if (AtEnd)
            {
                throw Error("a trailing ','");
            }

            return true;
        }

        public SfMember Item() => new(BareItem(), Parameters());

        private SfMember InnerList()
        {
            _at++;
            var items = new List<SfMember>();
            while (true)
            {
                SkipSpaces();
                if (Peek == ')')
                {
                    _at++;
                    return new SfMember(new SfValue(SfKind.InnerList, items), Parameters());
                }

                if (AtEnd)
                {
                    throw Error("an inner list without ')'");
                }

                items.Add(Item());
                if (Peek is not (' ' or ')'))
                {
                    throw Error("expected ' ' or ')' in an inner list");
                }
            }
        }

        private List<KeyValuePair<string, SfValue>> Parameters()
        {
            var parameters = new List<KeyValuePair<string, SfValue>>();
            while (Peek == ';')
            {
                _at++;
                SkipSpaces();
                var key = Key();
                SfValue value = new(SfKind.Boolean, true);
                if (Peek == '=')
                {
                    _at++;
                    value = BareItem();
                }

                parameters.RemoveAll(p => p.Key == key);
                parameters.Add(new(key, value));
            }

            return parameters;
        }

        private string Key()
        {
            if (!(char.IsAsciiLetterLower(Peek) || Peek == '*'))
            {
                throw Error("expected a key (a lower-case letter or '*')");
            }

            var start = _at;
            while (!AtEnd && (char.IsAsciiLetterLower(text[_at]) || char.IsAsciiDigit(text[_at]) || text[_at] is '_' or '-' or '.' or '*'))
            {
                _at++;
            }

            return text[start.._at];
        }

        private SfValue BareItem() => Peek switch
        {
            '-' or (>= '0' and <= '9') => Number(SfKind.Integer),
            '"' => new SfValue(SfKind.String, QuotedString()),
            ':' => ByteSequence(),
            '?' => Boolean(),
            '@' => Date(),
            '%' => DisplayString(),
            _ when char.IsAsciiLetter(Peek) || Peek == '*' => Token(),
            _ => throw Error(AtEnd ? "a value is missing" : $"'{Peek}' cannot start a value"),
        };

        private SfValue Number(SfKind integerKind)
        {
            var start = _at;
            if (Peek == '-')
            {
                _at++;
            }

            if (!char.IsAsciiDigit(Peek))
            {
                throw Error("expected a digit");
            }

            var digits = 0;
            var dot = -1;
            while (!AtEnd && (char.IsAsciiDigit(text[_at]) || (text[_at] == '.' && dot < 0)))
            {
                if (text[_at] == '.')
                {
                    if (digits > 12)
                    {
                        throw Error("a decimal with more than 12 integer digits");
                    }

                    dot = digits;
                }
                else
                {
                    digits++;
                }

                _at++;
                if (dot < 0 ? digits > 15 : digits > 15 || digits - dot > 3)
                {
                    throw Error(dot < 0 ? "an integer with more than 15 digits" : "a decimal with more than 3 fraction digits");
                }
            }

            var number = text[start.._at];
            if (dot < 0)
            {
                return new SfValue(integerKind, long.Parse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
            }

            if (number.EndsWith('.'))
            {
                throw Error("a decimal that ends in '.'");
            }

            return new SfValue(SfKind.Decimal, decimal.Parse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
        }

        private string QuotedString()
        {
            _at++;
            var value = new StringBuilder();
            while (!AtEnd)
            {
                var c = text[_at++];
                if (c == '\\')
                {
                    if (AtEnd || text[_at] is not ('"' or '\\'))
                    {
                        throw Error("only \\\" and \\\\ may be escaped in a string");
                    }

                    value.Append(text[_at++]);
                }
                else if (c == '"')
                {
                    return value.ToString();
                }
                else if (c is < ' ' or > '~')
                {
                    throw Error("a string holds only printable ASCII");
                }
                else
                {
                    value.Append(c);
                }
            }

            throw Error("a string without its closing '\"'");
        }

        private SfValue Token()
        {
            var start = _at;
            _at++;
            while (!AtEnd && (IsTchar(text[_at]) || text[_at] is ':' or '/'))
            {
                _at++;
            }

            return new SfValue(SfKind.Token, text[start.._at]);
        }

        private static bool IsTchar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

        private SfValue ByteSequence()
        {
            var end = text.IndexOf(':', _at + 1);
            if (end < 0)
            {
                throw Error("a byte sequence without its closing ':'");
            }

            var base64 = text[(_at + 1)..end];
            if (base64.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')))
            {
                throw Error("a byte sequence holds only base64");
            }

            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(base64.PadRight((base64.Length + 3) / 4 * 4, '='));
            }
            catch (FormatException)
            {
                throw Error("a byte sequence that is not base64");
            }

            _at = end + 1;
            return new SfValue(SfKind.ByteSequence, bytes);
        }

        private SfValue Boolean()
        {
            _at++;
            if (Peek is not ('0' or '1'))
            {
                throw Error("a boolean is ?0 or ?1");
            }

            return new SfValue(SfKind.Boolean, text[_at++] == '1');
        }

        private SfValue Date()
        {
            _at++;
            var value = Number(SfKind.Date);
            return value.Kind == SfKind.Date ? value : throw Error("a date is an integer number of seconds");
        }

        private SfValue DisplayString()
        {
            _at++;
            if (Peek != '"')
            {
                throw Error("a display string starts %\"");
            }

            _at++;
            var bytes = new List<byte>();
            while (!AtEnd)
            {
                var c = text[_at++];
                if (c == '"')
                {
                    return new SfValue(SfKind.DisplayString, Encoding.UTF8.GetString([.. bytes]));
                }

                if (c == '%')
                {
                    if (_at + 2 > text.Length || !Uri.IsHexDigit(text[_at]) || !Uri.IsHexDigit(text[_at + 1]) || char.IsAsciiLetterUpper(text[_at]) || char.IsAsciiLetterUpper(text[_at + 1]))
                    {
                        throw Error("a display string escapes bytes as %xx in lower-case hex");
                    }

                    bytes.Add(byte.Parse(text.AsSpan(_at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    _at += 2;
                }
                else if (c is < ' ' or > '~')
                {
                    throw Error("a display string holds only printable ASCII");
                }
                else
                {
                    bytes.Add((byte)c);
                }
            }

            throw Error("a display string without its closing '\"'");
        }
    }
}
