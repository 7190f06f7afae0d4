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
    }

    public OpenApiDocument Document { get; }

    /// <summary>Where the spec came from, as the user named it (a path or URL).</summary>
    public string Source { get; }

    /// <summary>The version string the document declares: "2.0", "3.0.3", "3.1.0".</summary>
    public string Version { get; }

    public bool IsSwagger2 => SpecVersion.IsSwagger2(Version);

    public IReadOnlyList<ApiOperation> Operations { get; }

    public IReadOnlyList<SpecDiagnostic> Warnings { get; }

    public string Title => Document.Info?.Title ?? "(untitled API)";
}
