using Microsoft.OpenApi;

namespace ContractCheck.Core.Spec;

/// <summary>Lists the operations of a document in spec order, with parameters and security resolved.</summary>
public static class OperationCatalog
{
    public static IReadOnlyList<ApiOperation> Build(OpenApiDocument document, List<SpecDiagnostic> warnings)
    {
        var operations = new List<ApiOperation>();
        if (document.Paths is null)
        {
            return operations;
        }

        var global = document.Security ?? [];
        foreach (var (path, item) in document.Paths)
        {
            if (item is IOpenApiReferenceHolder { UnresolvedReference: true })
            {
                warnings.Add(new SpecDiagnostic("the path item is an unresolved $ref; its operations are not checked", Pointer.Of("paths", path)));
                continue;
            }

            if (!PathTemplate.TryParse(path, out _, out var problem))
            {
                warnings.Add(new SpecDiagnostic($"path template is not usable ({problem}); its operations are not checked", Pointer.Of("paths", path)));
                continue;
            }

            foreach (var (method, operation) in item.Operations ?? [])
            {
                KeepTargets(operation);
                var parameters = Merge(item.Parameters, operation.Parameters);
                operations.Add(new ApiOperation(method.Method.ToUpperInvariant(), path, operation, parameters, (operation.Security ?? global).ToList()));
            }
        }

        return operations;
    }

    // A $ref response or request body is kept as its target, as parameters are (below): planning and judging read
    // their content, headers and links for every probe, and each read of a reference resolves it again.
    private static void KeepTargets(OpenApiOperation operation)
    {
        if (operation.RequestBody is OpenApiRequestBodyReference body && Target(() => body.Target) is { } bodyTarget)
        {
            operation.RequestBody = bodyTarget;
        }

        foreach (var (status, response) in operation.Responses?.ToList() ?? [])
        {
            if (response is OpenApiResponseReference reference && Target(() => reference.Target) is { } target)
            {
                operation.Responses![status] = target;
            }
        }
    }

    // An unresolved reference stays as it is (Resolved.IsUnresolved guards its readers); one the library cannot parse throws.
    private static T? Target<T>(Func<T?> target)
        where T : class
    {
        try
        {
            return target();
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    // Operation parameters override path-item parameters with the same name and location. A $ref parameter is kept
    // as its target: every member read of a reference resolves it through the workspace again, and planning a large
    // spec reads parameters hundreds of thousands of times.
    private static List<IOpenApiParameter> Merge(IList<IOpenApiParameter>? pathLevel, IList<IOpenApiParameter>? operationLevel)
    {
        var merged = new List<IOpenApiParameter>();
        foreach (var declared in (operationLevel ?? []).Concat(pathLevel ?? []))
        {
            if (declared is IOpenApiReferenceHolder { UnresolvedReference: true })
            {
                continue;
            }

            var p = declared is OpenApiParameterReference { Target: { } target } ? target : declared;

            if (!merged.Any(m => m.Name == p.Name && m.In == p.In))
            {
                merged.Add(p);
            }
        }

        return merged;
    }
}
