using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContractCheck.Core.Yaml;

/// <summary>
/// Reads one YAML document into a <see cref="YNode"/> tree with positions. Strict: duplicate keys,
/// non-scalar keys, unknown aliases, several documents and nesting deeper than <see cref="MaxDepth"/>
/// are errors naming line and column. Built without recursion, so hostile depth cannot overflow the stack.
/// </summary>
public static class YamlReader
{
    /// <summary>Deepest nesting read; deeper documents are refused rather than risking the stack downstream.</summary>
    public const int MaxDepth = 256;

    /// <summary>Parses <paramref name="text"/>; returns null for an empty document.</summary>
    public static YNode? Read(string text, string fileName) => Read(text, fileName, out _);

    /// <summary>Parses <paramref name="text"/>, counting the nodes written in it (aliases not expanded).</summary>
    public static YNode? Read(string text, string fileName, out int nodes)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            return Build(parser, fileName, out nodes);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16 throws this instead of a YamlException on some malformed flow collections.
            var near = parser.Current?.End;
            throw new ContractCheckException(
                "not valid YAML: a [ ] or { } collection is not closed properly",
                near is { } m ? new SourceLocation(fileName, (int)m.Line, (int)m.Column) : new SourceLocation(fileName),
                "check the brackets, commas and quotes after that place");
        }
        catch (YamlException e)
        {
            throw new ContractCheckException(
                "not valid YAML: " + Clean(e.Message),
                new SourceLocation(fileName, (int)e.Start.Line, (int)e.Start.Column),
                "fix the YAML syntax at that place (indentation uses spaces, not tabs; quote values that contain ': ' or start with a special character)");
        }
    }

    private static YNode? Build(Parser parser, string fileName, out int nodes)
    {
        nodes = 0;
        var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        YNode? root = null;
        var documents = 0;
        while (parser.MoveNext())
        {
            var ev = parser.Current!;
            nodes++;
            switch (ev)
            {
                case DocumentStart:
                    if (++documents > 1)
                    {
                        throw Error(fileName, ev.Start, "more than one YAML document in the file", "keep one document: remove the extra '---' separator");
                    }

                    break;
                case Scalar s:
                    Attach(new YScalar(s.Value, s.Style == ScalarStyle.Plain, TagOf(s.Tag), Line(s.Start), Column(s.Start)), s.Anchor, s.Start);
                    break;
                case YamlDotNet.Core.Events.AnchorAlias a:
                    if (!anchors.TryGetValue(a.Value.Value, out var target))
                    {
                        throw Error(fileName, a.Start, $"alias '*{a.Value.Value}' refers to no anchor defined before it", "define '&" + a.Value.Value + "' before using the alias");
                    }

                    Attach(target, AnchorName.Empty, a.Start);
                    break;
                case MappingStart m:
                    Open(new YMapping(Line(m.Start), Column(m.Start)), m.Anchor, m.Start);
                    break;
                case SequenceStart q:
                    Open(new YSequence(Line(q.Start), Column(q.Start)), q.Anchor, q.Start);
                    break;
                case MappingEnd or SequenceEnd:
                    var done = stack.Pop();
                    if (done.PendingKey is not null)
                    {
                        throw Error(fileName, ev.Start, "a mapping key without a value", null);
                    }

                    break;
            }
        }

        return root;

        void Open(YNode node, AnchorName anchor, Mark start)
        {
            if (stack.Count >= MaxDepth)
            {
                throw Error(fileName, start, $"the document nests deeper than {MaxDepth} levels", "flatten the structure; no real spec or rules file needs this depth");
            }

            Attach(node, anchor, start);
            stack.Push(new Frame(node));
        }

        void Attach(YNode node, AnchorName anchor, Mark start)
        {
            if (!anchor.IsEmpty)
            {
                anchors[anchor.Value] = node;
            }

            if (stack.Count == 0)
            {
                root = node;
                return;
            }

            var parent = stack.Peek();
            switch (parent.Node)
            {
                case YSequence seq:
                    seq.Items.Add(node);
                    break;
                case YMapping map when parent.PendingKey is null:
                    if (node is not YScalar key)
                    {
                        throw Error(fileName, start, "a mapping key must be a plain value, not " + node.KindName, "write the key as text");
                    }

                    if (map.ContainsKey(key.Value))
                    {
                        throw Error(fileName, start, $"duplicate key '{key.Value}'", "remove or rename one of the two entries; YAML keeps only one");
                    }

                    parent.PendingKey = key;
                    break;
                case YMapping map:
                    map.TryAdd(parent.PendingKey!, node);
                    parent.PendingKey = null;
                    break;
            }
        }
    }

    private static string? TagOf(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? null : tag.Value;

    private static int Line(Mark m) => (int)m.Line;

    private static int Column(Mark m) => (int)m.Column;

    private static ContractCheckException Error(string file, Mark at, string message, string? hint) =>
        new(message, new SourceLocation(file, Line(at), Column(at)), hint);

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is shown separately.
    private static string Clean(string message)
    {
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(cut + 3)..] : message;
    }

    private sealed class Frame(YNode node)
    {
        public YNode Node { get; } = node;

        public YScalar? PendingKey { get; set; }
    }
}
