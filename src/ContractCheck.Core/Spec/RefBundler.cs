using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ContractCheck.Core.Spec;

/// <summary>
/// Makes every <c>$ref</c> of a document one that Microsoft.OpenApi resolves: a reference to a
/// component of the entry document. References into other files and deep pointers such as
/// <c>#/paths/~1v2~1apps/get/responses/200/content/application~1json/schema</c> (bundler output) are
/// brought in: schemas become components (so recursion stays a reference), anything else is inlined.
/// A reference whose target cannot be found stays as it is and is reported with its pointer.
/// </summary>
internal sealed partial class RefBundler
{
    private const int MaxInlineDepth = 16;

    private readonly Uri _rootUri;
    private readonly JsonObject _root;
    private readonly bool _isV2;
    private readonly SchemaNormalizer _normalizer;
    private readonly Func<Uri, JsonNode?> _loadExternal;
    private readonly Dictionary<string, JsonNode?> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hoisted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failedDocuments = new(StringComparer.Ordinal);
    private readonly Queue<(JsonNode Node, Uri Document, string Pointer)> _pending = new();
    private readonly HashSet<JsonNode> _awaiting = new(ReferenceEqualityComparer.Instance);
    private readonly List<SpecDiagnostic> _warnings;

    // The path of the node being visited, as escaped segments; turned into a pointer string only when a
    // message or a hoisted schema needs one (building strings for every node doubled the loader's cost).
    private readonly List<string> _path = [];

    public RefBundler(JsonObject root, Uri rootUri, string version, Func<Uri, JsonNode?> loadExternal, List<SpecDiagnostic> warnings, string source)
    {
        _root = root;
        _rootUri = rootUri;
        _isV2 = SpecVersion.IsSwagger2(version);
        _normalizer = new SchemaNormalizer(version, warnings, () => CurrentPointer, document => document == rootUri ? source : Display(document), Hoist);
        _loadExternal = loadExternal;
        _warnings = warnings;
        _documents[Key(rootUri)] = root;
    }

    /// <summary>
    /// True when every reference (as found in the text) names an existing component of the entry
    /// document, so there is nothing to bundle and nothing to report.
    /// </summary>
    public bool AllResolvable(IEnumerable<string>? references) =>
        references is not null && references.All(r => r.StartsWith('#') && IsComponentPointer(r[1..]) && Pointer.TryResolve(_root, r[1..], out _));

    /// <summary>Rewrites the entry document in place.</summary>
    public void Bundle()
    {
        foreach (var (key, value) in _root.ToArray())
        {
            var slot = SchemaSlots.Child(Slot.Other, key);
            if (value is not null && slot != Slot.Data)
            {
                _path.Add(Pointer.Escape(key));
                var replaced = Visit(value, _rootUri, slot, key, 0);
                _path.RemoveAt(_path.Count - 1);
                if (!ReferenceEquals(replaced, value))
                {
                    _root[key] = replaced;
                }
            }
        }

        while (_pending.TryDequeue(out var item))
        {
            _awaiting.Remove(item.Node);
            _path.Clear();
            _path.AddRange(Pointer.Split(item.Pointer).Select(Pointer.Escape));
            var replaced = Visit(item.Node, item.Document, Slot.Schema, "", 0);
            if (!ReferenceEquals(replaced, item.Node) && item.Node.Parent is JsonObject container)
            {
                container[item.Node.GetPropertyName()] = replaced;
            }
        }
    }

    private string CurrentPointer => _path.Count == 0 ? "" : "/" + string.Join("/", _path);

    /// <summary>Visits a node in its slot; returns the node to keep in its place (a replacement when inlined or normalized).</summary>
    private JsonNode Visit(JsonNode node, Uri document, Slot slot, string key, int inlineDepth)
    {
        if (_awaiting.Contains(node))
        {
            // A schema brought in from elsewhere: its references resolve against its own document, later.
            return node;
        }

        if (slot == Slot.Schema && SchemaNormalizer.Replace(node, key) is { } replacement)
        {
            node = replacement;
        }

        if (slot == Slot.Schema && node is JsonObject schema)
        {
            _normalizer.Normalize(schema, document);
            Mapping(schema, document);
        }

        switch (node)
        {
            case JsonObject obj when obj.TryGetPropertyValue("$ref", out var refNode) && refNode is JsonValue v && v.TryGetValue(out string? reference):
                return Resolve(obj, reference, document, slot, key, inlineDepth);
            case JsonObject obj:
                for (var i = 0; i < obj.Count; i++)
                {
                    var (childKey, child) = obj.GetAt(i);
                    var childSlot = SchemaSlots.Child(slot, childKey);
                    if (child is null || childSlot == Slot.Data)
                    {
                        continue;
                    }

                    _path.Add(Pointer.Escape(childKey));
                    var replaced = Visit(child, document, childSlot, childKey, inlineDepth);
                    _path.RemoveAt(_path.Count - 1);
                    if (!ReferenceEquals(replaced, child))
                    {
                        obj.SetAt(i, replaced);
                    }
                }

                return obj;
            case JsonArray array:
                var itemSlot = slot == Slot.SchemaList ? Slot.Schema : slot;
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        _path.Add(i.ToString());
                        var replaced = Visit(item, document, itemSlot, key, inlineDepth);
                        _path.RemoveAt(_path.Count - 1);
                        if (!ReferenceEquals(replaced, item))
                        {
                            array[i] = replaced;
                        }
                    }
                }

                return array;
            default:
                return node;
        }
    }

    // Discriminator mapping values are references written as plain strings; they get the same treatment.
    private void Mapping(JsonObject schema, Uri document)
    {
        if (schema["discriminator"] is not JsonObject { } discriminator || discriminator["mapping"] is not JsonObject mapping)
        {
            return;
        }

        foreach (var (name, value) in mapping.ToList())
        {
            if (value is JsonValue v && v.TryGetValue(out string? reference) && (reference.Contains('#', StringComparison.Ordinal) || reference.Contains('.', StringComparison.Ordinal)))
            {
                var holder = new JsonObject { ["$ref"] = reference };
                _path.Add("discriminator");
                Resolve(holder, reference, document, Slot.Schema, name, 0);
                _path.RemoveAt(_path.Count - 1);
                mapping[name] = holder["$ref"]!.DeepClone();
            }
        }
    }

    private JsonNode Resolve(JsonObject holder, string reference, Uri document, Slot slot, string key, int inlineDepth)
    {
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference[..hash];
        var targetPointer = hash < 0 ? "" : reference[(hash + 1)..];

        Uri targetDocument;
        try
        {
            targetDocument = filePart.Length == 0 ? document : new Uri(document, filePart);
        }
        catch (UriFormatException)
        {
            Warn($"$ref '{reference}' is not a valid reference", CurrentPointer);
            return holder;
        }

        var isRoot = Key(targetDocument) == Key(_rootUri);
        if (isRoot && IsComponentPointer(targetPointer))
        {
            if (document != _rootUri || filePart.Length > 0)
            {
                holder["$ref"] = "#" + targetPointer;
            }

            if (!Pointer.TryResolve(_root, targetPointer, out _))
            {
                Warn($"$ref '{reference}' points to nothing: the document has no '#{targetPointer}'", CurrentPointer);
            }

            return holder;
        }

        var pointer = CurrentPointer;
        var targetRoot = Load(targetDocument, reference, pointer);
        if (targetRoot is null)
        {
            return holder;
        }

        if (!Pointer.TryResolve(targetRoot, targetPointer, out var target) || target is null)
        {
            Warn($"$ref '{reference}' points to nothing: '{Display(targetDocument)}' has no '#{targetPointer}'", pointer);
            return holder;
        }

        if (slot != Slot.Other || LooksLikeSchema(targetPointer))
        {
            holder["$ref"] = Hoist(targetDocument, targetPointer, target);
            return holder;
        }

        if (inlineDepth >= MaxInlineDepth)
        {
            Warn($"$ref '{reference}' nests more than {MaxInlineDepth} references deep (a cycle?); it was left unresolved", pointer);
            return holder;
        }

        var copy = target.DeepClone();
        if (copy is JsonObject copied)
        {
            // OpenAPI 3.1 lets summary and description sit beside $ref and override the target's.
            foreach (var (name, value) in holder)
            {
                if (name != "$ref")
                {
                    copied[name] = value?.DeepClone();
                }
            }
        }

        return Visit(copy, targetDocument, slot, key, inlineDepth + 1);
    }

    private string Hoist(Uri document, string pointer, JsonNode target)
    {
        var key = Key(document) + "#" + pointer;
        if (_hoisted.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var container = SchemaContainer();
        var name = UniqueName(container, NameFor(document, pointer));
        var local = (_isV2 ? "#/definitions/" : "#/components/schemas/") + Pointer.Escape(name);
        _hoisted[key] = local;

        var copy = target.DeepClone();
        container[name] = copy;
        _awaiting.Add(copy);
        _pending.Enqueue((copy, document, pointer));
        return local;
    }

    private JsonObject SchemaContainer()
    {
        if (_isV2)
        {
            return GetOrAdd(_root, "definitions");
        }

        return GetOrAdd(GetOrAdd(_root, "components"), "schemas");
    }

    private static JsonObject GetOrAdd(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[key] = created;
        return created;
    }

    private static string UniqueName(JsonObject container, string name)
    {
        var candidate = name;
        for (var i = 2; container.ContainsKey(candidate); i++)
        {
            candidate = name + "_" + i;
        }

        return candidate;
    }

    private static string NameFor(Uri document, string pointer)
    {
        var segments = Pointer.Split(pointer);
        string raw;
        if (segments.Count == 0)
        {
            raw = Path.GetFileNameWithoutExtension(document.AbsolutePath);
        }
        else if (segments.Count == 3 && segments[0] == "components")
        {
            raw = segments[2];
        }
        else if (segments[0] == "paths")
        {
            // Deep pointers into paths (bundler output): name them after the place they came from.
            raw = string.Join("_", segments.Where(s => s is not ("paths" or "content" or "schema" or "responses" or "properties")));
        }
        else
        {
            raw = string.Join("_", segments.TakeLast(3));
        }

        var clean = UnsafeNameChars().Replace(raw, "_").Trim('_');
        return clean.Length == 0 ? "Schema" : clean.Length > 80 ? clean[..80] : clean;
    }

    private JsonNode? Load(Uri document, string reference, string pointer)
    {
        var key = Key(document);
        if (_documents.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_failedDocuments.Contains(key))
        {
            Warn($"$ref '{reference}' was not followed: '{Display(document)}' could not be read", pointer);
            return null;
        }

        if (document.Scheme != _rootUri.Scheme || (document.Scheme != Uri.UriSchemeFile && document.Authority != _rootUri.Authority))
        {
            _failedDocuments.Add(key);
            Warn($"$ref '{reference}' was not followed: ContractCheck reads referenced documents only from where the spec itself came from ({_rootUri.Scheme}://{_rootUri.Authority})", pointer);
            return null;
        }

        try
        {
            var loaded = _loadExternal(document);
            _documents[key] = loaded;
            return loaded;
        }
        catch (FileNotFoundException)
        {
            _failedDocuments.Add(key);
            Warn($"$ref '{reference}' points to a file that does not exist: {Display(document)}", pointer);
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            _failedDocuments.Add(key);
            Warn($"$ref '{reference}' points to a file that does not exist: {Display(document)}", pointer);
            return null;
        }
        catch (ContractCheckException e) when (e.Location is null)
        {
            // A directory, a file past the size cap (not a parse error, which has its place): what the entry spec would be
            // refused for, the reference is not followed for.
            _failedDocuments.Add(key);
            Warn($"$ref '{reference}' was not followed: {e.Message}", pointer);
            return null;
        }
    }

    private bool IsComponentPointer(string pointer)
    {
        var segments = Pointer.Split(pointer);
        return _isV2
            ? segments.Count == 2 && segments[0] is "definitions" or "parameters" or "responses" or "securityDefinitions"
            : segments.Count == 3 && segments[0] == "components";
    }

    private static bool LooksLikeSchema(string pointer) => Pointer.Split(pointer).Any(SchemaSlots.IsSchemaKeyword);

    private void Warn(string message, string pointer) => _warnings.Add(new SpecDiagnostic(message, pointer));

    private static string Key(Uri uri) => uri.GetLeftPart(UriPartial.Query);

    private static string Display(Uri uri) => uri.IsFile ? uri.LocalPath : uri.ToString();

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex UnsafeNameChars();
}
