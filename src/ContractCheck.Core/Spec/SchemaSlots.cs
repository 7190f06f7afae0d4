namespace ContractCheck.Core.Spec;

/// <summary>Which slot a child key opens, given its parent's slot: the map of where schemas sit in OpenAPI 2.0–3.2.</summary>
internal static class SchemaSlots
{
    private static readonly HashSet<string> SubSchema =
        ["items", "not", "contains", "if", "then", "else", "propertyNames", "additionalItems", "additionalProperties", "unevaluatedItems", "unevaluatedProperties", "contentSchema"];

    private static readonly HashSet<string> SubSchemaMap = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];

    private static readonly HashSet<string> SubSchemaList = ["allOf", "anyOf", "oneOf", "prefixItems"];

    private static readonly HashSet<string> SchemaData = ["example", "examples", "default", "enum", "const"];

    public static Slot Child(Slot parent, string key) => parent switch
    {
        Slot.Data => Slot.Data,
        Slot.SchemaMap => Slot.Schema,
        Slot.SchemaList => Slot.Schema,
        Slot.Schema when SubSchema.Contains(key) => Slot.Schema,
        Slot.Schema when SubSchemaMap.Contains(key) => Slot.SchemaMap,
        Slot.Schema when SubSchemaList.Contains(key) => Slot.SchemaList,
        Slot.Schema when SchemaData.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal) => Slot.Data,
        Slot.Schema => Slot.Other,
        _ when key == "schema" => Slot.Schema,
        _ when key is "schemas" or "definitions" => Slot.SchemaMap,
        _ when key is "example" or "value" or "enum" || key.StartsWith("x-", StringComparison.Ordinal) => Slot.Data,
        _ => Slot.Other,
    };

    /// <summary>True for keywords under which schemas sit; a pointer through one points at a schema.</summary>
    public static bool IsSchemaKeyword(string key) =>
        key is "schema" or "schemas" || SubSchema.Contains(key) || SubSchemaMap.Contains(key) || SubSchemaList.Contains(key);
}
