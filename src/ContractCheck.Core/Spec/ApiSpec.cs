using Microsoft.OpenApi;

namespace ContractCheck.Core.Spec;

/// <summary>A loaded, usable spec: the document, its operations, and the warnings found while loading it.</summary>
public sealed class ApiSpec
{
    public ApiSpec(OpenApiDocument document, string source, string version, IReadOnlyList<ApiOperation> operations, IReadOnlyList<SpecDiagnostic> warnings)
    {
        Document = document;
        Source = source;
        Version = version;
        Operations = operations;
        Warnings = warnings;
        _byPath = new(() => operations.GroupBy(o => o.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<ApiOperation>)[.. g], StringComparer.Ordinal));
    }

    private readonly Lazy<Dictionary<string, IReadOnlyList<ApiOperation>>> _byPath;

    /// <summary>The operations declared on one path template, in spec order (none for a path the spec does not have).</summary>
    public IReadOnlyList<ApiOperation> OperationsAt(string path) => _byPath.Value.TryGetValue(path, out var operations) ? operations : [];

    public OpenApiDocument Document { get; }

    /// <summary>Where the spec came from, as the user named it (a path or URL).</summary>
    public string Source { get; }

    /// <summary>The version string the document declares: "2.0", "3.0.3", "3.1.0".</summary>
    public string Version { get; }

    public bool IsSwagger2 => SpecVersion.IsSwagger2(Version);

    public IReadOnlyList<ApiOperation> Operations { get; }

    public IReadOnlyList<SpecDiagnostic> Warnings { get; }

    public string Title => Document.Info?.Title ?? "(untitled API)";

    /// <summary>Where the document's paths and operations start, for reports that point into the spec.</summary>
    public SourceLines Lines { get; init; } = SourceLines.None;
}
