namespace ContractCheck.Core.Rules;

/// <summary>How the rules parser reads a single value (see <see cref="RuleShape.Scalar"/>).</summary>
internal enum ScalarKind
{
    /// <summary>Any single value: text, a number or true/false (YAML plain scalars all read as text).</summary>
    Text,

    /// <summary>A whole number within the shape's bounds.</summary>
    Integer,

    /// <summary>true / false (also on / off, yes / no).</summary>
    Boolean,

    /// <summary>A number with a unit: 500ms, 2s, 1m.</summary>
    Duration,

    /// <summary>A status code (201) or class (4xx).</summary>
    Status,

    /// <summary>A regular expression (.NET syntax).</summary>
    Regex,

    /// <summary>A JSON path such as $.data.id.</summary>
    JsonPath,

    /// <summary>A day: 2027-06-30, a date-time, or an HTTP-date.</summary>
    Date,

    /// <summary>An operation: an operationId, "METHOD /path", or a glob over either.</summary>
    Selector,

    /// <summary>Any YAML value, a mapping or a list included (a request body, a JSON value to compare).</summary>
    Any,
}
