namespace TodoApi;

/// <summary>The spec and rules file of this API, embedded so the demo needs no files on disk.</summary>
public static class TodoApiFiles
{
    public static string OpenApi => Read("TodoApi.openapi.yaml");

    public static string Rules => Read("TodoApi.contractcheck.yaml");

    private static string Read(string name)
    {
        using var stream = typeof(TodoApiFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is missing from the TodoApi assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
