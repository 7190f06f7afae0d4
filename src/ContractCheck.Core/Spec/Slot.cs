namespace ContractCheck.Core.Spec;

/// <summary>What a node of an OpenAPI document is, as far as schemas go.</summary>
internal enum Slot
{
    /// <summary>Spec structure that is not a schema (paths, operations, responses, …).</summary>
    Other,

    /// <summary>A schema.</summary>
    Schema,

    /// <summary>A map of names to schemas (properties, components/schemas, $defs, …).</summary>
    SchemaMap,

    /// <summary>A list of schemas (allOf, anyOf, oneOf, prefixItems).</summary>
    SchemaList,

    /// <summary>Example, default or enum data: a "$ref" key inside it is not a reference.</summary>
    Data,
}
