using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Schema;

/// <summary>
/// Validates JSON against a schema of Microsoft.OpenApi's model with OpenAPI 3.0 and 3.1 semantics:
/// type (with nullable and type arrays), enum and const, numeric and string limits, pattern (ECMA-262),
/// object and array keywords, allOf / anyOf / oneOf / not, if / then / else, discriminator with mapping,
/// references including recursive ones, readOnly / writeOnly by direction, and formats. Each error
/// names the instance place, the schema place and the reason.
/// </summary>
public sealed partial class SchemaValidator
{
    private const int MaxDepth = 200;

    private readonly OpenApiDocument? _document;
    private readonly ValidationOptions _options;

    public SchemaValidator(OpenApiDocument? document, ValidationOptions? options = null)
    {
        _document = document;
        _options = options ?? ValidationOptions.Default;
    }

    /// <summary>Every way the instance breaks the schema (up to <see cref="ValidationOptions.MaxErrors"/>); empty when it is valid.</summary>
    public IReadOnlyList<SchemaError> Validate(JsonNode? instance, IOpenApiSchema schema, string schemaLocation = "#")
    {
        var errors = new List<SchemaError>();
        new Run(this, errors).Check(instance, schema, InstanceRef.Root, new SchemaRef(null, schemaLocation), 0);
        return errors;
    }

    public bool IsValid(JsonNode? instance, IOpenApiSchema schema) =>
        new Run(this, null).Check(instance, schema, null, null, 0);

    /// <summary>The JSON type name of a value as messages say it: "string", "integer", "object", …</summary>
    public static string TypeName(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v when SchemaValues.IsNullSentinel(v) => "null",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => Numbers.IsInteger(v) ? "integer" : "number",
            _ => "null",
        },
        _ => "unknown",
    };

    internal static bool TypeMatches(JsonNode? node, JsonSchemaType types)
    {
        var name = TypeName(node);
        return name switch
        {
            "null" => types.HasFlag(JsonSchemaType.Null),
            "object" => types.HasFlag(JsonSchemaType.Object),
            "array" => types.HasFlag(JsonSchemaType.Array),
            "string" => types.HasFlag(JsonSchemaType.String),
            "boolean" => types.HasFlag(JsonSchemaType.Boolean),
            "integer" => types.HasFlag(JsonSchemaType.Integer) || types.HasFlag(JsonSchemaType.Number),
            _ => types.HasFlag(JsonSchemaType.Number),
        };
    }

    internal static string TypeList(JsonSchemaType types) =>
        TypeLists.GetOrAdd(types, t => string.Join(" or ", Enum.GetValues<JsonSchemaType>().Where(one => t.HasFlag(one)).Select(one => one.ToString().ToLowerInvariant())));

    // A few dozen combinations at most; named in every type mismatch, so asked for often.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<JsonSchemaType, string> TypeLists = new();

    /// <summary>A schema of the document's components by its reference, for keywords the model keeps as raw JSON.</summary>
    internal IOpenApiSchema? Component(string? reference)
    {
        const string prefix = "#/components/schemas/";
        if (reference is null || !reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = Spec.Pointer.Unescape(Uri.UnescapeDataString(reference[prefix.Length..]));
        return _document?.Components?.Schemas?.TryGetValue(name, out var schema) == true ? schema : null;
    }

    /// <summary>An instance place, built only when an error needs it.</summary>
    internal record InstanceRef(InstanceRef? Parent, string Segment)
    {
        public static readonly InstanceRef Root = new(null, "");

        public InstanceRef Child(string segment) => new(this, segment);

        public InstanceRef Child(int index) => new IndexRef(this, index);

        public virtual string Pointer() => Parent is null ? "" : Parent.Pointer() + "/" + Spec.Pointer.Escape(Segment);
    }

    // Array positions keep the number; the text is made only when an error needs it.
    private sealed record IndexRef(InstanceRef Parent, int Index) : InstanceRef(Parent, "")
    {
        public override string Pointer() => Parent!.Pointer() + "/" + Index;
    }

    /// <summary>A schema place, restarting at a component's pointer when a reference is followed.</summary>
    internal sealed record SchemaRef(SchemaRef? Parent, string Segment, string? Second = null)
    {
        /// <summary>Second segment of a root that names a component: its pointer is made only when an error needs it.</summary>
        public const string ComponentMarker = "\u0000component";

        private static readonly string[] Indexes = Enumerable.Range(0, 64).Select(i => i.ToString()).ToArray();

        public static string Index(int i) => i < Indexes.Length ? Indexes[i] : i.ToString();

        public SchemaRef Child(string segment) => new(this, segment);

        /// <summary>Two segments in one step ("properties", name): one object per property checked instead of two.</summary>
        public SchemaRef Child(string segment, string second) => new(this, segment, second);

        public string Location()
        {
            if (Parent is null && Second == ComponentMarker)
            {
                return "#/components/schemas/" + Spec.Pointer.Escape(Segment);
            }

            var own = Second is null ? Spec.Pointer.Escape(Segment) : Spec.Pointer.Escape(Segment) + "/" + Spec.Pointer.Escape(Second);
            return Parent is null ? Segment : Parent.Location() + "/" + own;
        }
    }
}
