using Microsoft.OpenApi;

namespace ContractCheck.Core.Spec;

/// <summary>
/// One operation of the spec with everything the later stages need resolved: the method, the path
/// template, the parameters (path-level merged with operation-level), and the security that applies.
/// </summary>
public sealed class ApiOperation
{
    public ApiOperation(string method, string path, OpenApiOperation model, IReadOnlyList<IOpenApiParameter> parameters, IReadOnlyList<OpenApiSecurityRequirement> security, bool isUndeclared = false)
    {
        IsUndeclared = isUndeclared;
        Method = method;
        Path = path;
        Model = model;
        Parameters = parameters;
        Security = security;
        Key = method + " " + path;
    }

    /// <summary>Upper-case HTTP method: GET, POST, …</summary>
    public string Method { get; }

    /// <summary>The path template as the spec writes it: <c>/todos/{id}</c>.</summary>
    public string Path { get; }

    public OpenApiOperation Model { get; }

    public string? OperationId => string.IsNullOrWhiteSpace(Model.OperationId) ? null : Model.OperationId;

    public IReadOnlyList<IOpenApiParameter> Parameters { get; }

    /// <summary>The header parameter of that name (names compared without case, as HTTP does), or null.</summary>
    public IOpenApiParameter? HeaderParameter(string name) =>
        Parameters.FirstOrDefault(p => p.In == ParameterLocation.Header && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The security requirements in force (the operation's own, else the document's). Empty: none.</summary>
    public IReadOnlyList<OpenApiSecurityRequirement> Security { get; }

    /// <summary>"GET /todos/{id}": how rules files, filters and reports name an operation.</summary>
    public string Key { get; }

    /// <summary>True for a method the spec does not declare for the path (what the wrong-method probe sends).</summary>
    public bool IsUndeclared { get; }

    /// <summary>"GET /todos/{id} (getTodo)" for reports.</summary>
    public string DisplayName => IsUndeclared ? $"{Key} (not in the spec)" : OperationId is null ? Key : $"{Key} ({OperationId})";

    /// <summary>JSON pointer of the operation in the spec: <c>/paths/~1todos~1{id}/get</c>.</summary>
    public string Pointer => Spec.Pointer.Of("paths", Path, Method.ToLowerInvariant());

    /// <summary>The date the operation goes away, as the spec's <c>x-sunset</c> extension writes it; null when it names none.</summary>
    public string? Sunset =>
        Model.Extensions?.TryGetValue("x-sunset", out var extension) == true && extension is JsonNodeExtension { Node: System.Text.Json.Nodes.JsonValue value }
            && value.TryGetValue(out string? date) && date.Trim().Length > 0 ? date.Trim() : null;

    /// <summary>True when every alternative the spec allows carries credentials (an empty requirement makes auth optional).</summary>
    public bool RequiresAuth => Security.Count > 0 && Security.All(r => r.Count > 0);

    public override string ToString() => DisplayName;
}
