namespace BookstoreApi;

/// <summary>The spec and rules file of this API, embedded so the demo needs no files on disk.</summary>
public static class BookstoreFiles
{
    public static string OpenApi => Read("BookstoreApi.openapi.yaml");

    public static string Rules => Read("BookstoreApi.contractcheck.yaml");

    private static string Read(string name)
    {
        using var stream = typeof(BookstoreFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is missing from the BookstoreApi assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
