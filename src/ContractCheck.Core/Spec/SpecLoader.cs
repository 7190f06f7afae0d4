using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ContractCheck.Core.Spec;

/// <summary>
/// Loads an OpenAPI 2.0 / 3.0 / 3.1 / 3.2 document, YAML or JSON, from a file or an http(s) URL,
/// with relative <c>$ref</c>s into other files bundled in. Problems that leave the document usable
/// become warnings; a document that cannot be used is a <see cref="ContractCheckException"/>.
/// </summary>
public sealed class SpecLoader
{
    /// <summary>Largest document read, file or URL.</summary>
    public const long MaxDocumentBytes = 256L * 1024 * 1024;

    private static readonly TimeSpan DownloadTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient? _http;

    /// <param name="http">Used for specs given as http(s) URLs; one is created when needed if null.</param>
    public SpecLoader(HttpClient? http = null)
    {
        _http = http;
    }

    /// <summary>Keep the line of every operation of a JSON document too (YAML ones always keep them): for reports that point into the spec.</summary>
    public bool Lines { get; init; }

    /// <summary>Loads a spec from a file path or an http(s) URL.</summary>
    public ApiSpec Load(string location, CancellationToken cancellationToken = default)
    {
        var uri = ToUri(location);
        byte[] bytes;
        try
        {
            bytes = ReadBytes(uri, location, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ContractCheckException($"spec file '{location}' does not exist", null, "check the --spec path (relative paths start from the current directory: " + Environment.CurrentDirectory + ")");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ContractCheckException($"spec file '{location}' could not be read: {e.Message}", null, "check the file's permissions");
        }

        var text = DocumentParser.Decode(bytes, location);
        return Load(text, location, uri, cancellationToken);
    }

    /// <summary>Loads a spec from text; <paramref name="baseUri"/> resolves relative references.</summary>
    public ApiSpec Load(string text, string source, Uri? baseUri = null, CancellationToken cancellationToken = default)
    {
        baseUri ??= new Uri(Path.GetFullPath(source));
        var root = DocumentParser.Parse(text, source, Lines, out var lines);
        if (root is not JsonObject obj)
        {
            throw new ContractCheckException(
                "this is not an OpenAPI document: the top level must be a mapping with an 'openapi' or 'swagger' field",
                new SourceLocation(source),
                "point --spec at the API's OpenAPI (or Swagger 2.0) document");
        }

        var version = SpecVersion.Detect(obj, source);
        var warnings = new List<SpecDiagnostic>();
        var bundler = new RefBundler(obj, baseUri, version, u => LoadReferenced(u, cancellationToken), warnings, source);
        var bundled = false;
        if (NeedsWalk(version, text) || !bundler.AllResolvable(RefScan.References(text)))
        {
            bundler.Bundle();
            bundled = true;
        }

        cancellationToken.ThrowIfCancellationRequested();

        var settings = new OpenApiReaderSettings
        {
            // Validation rules report style issues of the library's own reading (uniqueItems on 2.0 parameters,
            // ambiguous templates); ContractCheck judges what it needs itself.
            RuleSet = ValidationRuleSet.GetEmptyRuleSet(),
            LoadExternalRefs = false,
        };
        ReadResult result;
        try
        {
            result = ReadOrMend(obj, baseUri, settings, bundled ? null : bundler);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ContractCheckException)
        {
            throw new ContractCheckException(
                $"the OpenAPI reader could not read this document ({e.GetType().Name}: {e.Message})",
                new SourceLocation(source),
                "check that the document is valid OpenAPI; if it is, please report this as a ContractCheck bug with the document");
        }

        foreach (var error in result.Diagnostic?.Errors ?? [])
        {
            if (!IsLibraryNoise(error, version))
            {
                warnings.Add(ToDiagnostic(error));
            }
        }

        foreach (var warning in result.Diagnostic?.Warnings ?? [])
        {
            warnings.Add(ToDiagnostic(warning));
        }

        if (result.Document is null)
        {
            throw new ContractCheckException(
                "the document could not be read as OpenAPI: " + string.Join("; ", warnings.Take(3)),
                new SourceLocation(source),
                "fix the errors listed");
        }

        var operations = OperationCatalog.Build(result.Document, warnings);
        return new ApiSpec(result.Document, source, version, operations, warnings) { Lines = lines };
    }

    // Forms the text scan cannot see (a boolean schema in a 3.0 document) crash the library; the walk mends them.
    private static ReadResult ReadOrMend(JsonObject root, Uri baseUri, OpenApiReaderSettings settings, RefBundler? notYetRun)
    {
        try
        {
            return new OpenApiJsonReader().Read(root, baseUri, settings);
        }
        catch (Exception e) when (notYetRun is not null && e is not ContractCheckException)
        {
            notYetRun.Bundle();
        }

        return new OpenApiJsonReader().Read(root, baseUri, settings);
    }

    // The walk is needed for more than references: 3.1 documents may hold boolean schemas and const,
    // and 3.0 ones may use 3.1 keyword forms; without any of these, a text scan of the references decides.
    private static bool NeedsWalk(string version, string text) =>
        SpecVersion.Is31OrLater(version)
        || text.Contains("exclusiveM", StringComparison.Ordinal)
        || text.Contains("\"const\"", StringComparison.Ordinal)
        || text.Contains("const:", StringComparison.Ordinal);

    // Microsoft.OpenApi 3.11 reports uniqueItems on Swagger 2.0 parameters as invalid; 2.0 allows it
    // (kubernetes-swagger.json gets 2,341 of these). A false message is noise, not a warning.
    private static bool IsLibraryNoise(OpenApiError error, string version) =>
        SpecVersion.IsSwagger2(version) && error.Message.StartsWith("uniqueItems is not a valid property", StringComparison.Ordinal);

    private static SpecDiagnostic ToDiagnostic(OpenApiError error)
    {
        var pointer = error.Pointer?.TrimStart('#');
        return new SpecDiagnostic(error.Message, string.IsNullOrEmpty(pointer) ? null : pointer);
    }

    private JsonNode? LoadReferenced(Uri uri, CancellationToken cancellationToken)
    {
        var name = uri.IsFile ? uri.LocalPath : uri.ToString();
        return DocumentParser.Parse(DocumentParser.Decode(ReadBytes(uri, name, cancellationToken), name), name);
    }

    private static Uri ToUri(string location)
    {
        if (location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (Uri.TryCreate(location, UriKind.Absolute, out var web))
            {
                return web;
            }

            throw new ContractCheckException($"'{location}' is not a valid URL", null, "give --spec a file path or an http(s) URL");
        }

        try
        {
            return new Uri(Path.GetFullPath(location));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ContractCheckException($"'{location}' is not a valid file path", null, "give --spec a file path or an http(s) URL");
        }
    }

    private byte[] ReadBytes(Uri uri, string name, CancellationToken cancellationToken)
    {
        if (uri.IsFile)
        {
            var path = uri.LocalPath;
            if (Directory.Exists(path))
            {
                throw new ContractCheckException($"'{name}' is a directory, not a spec file", null, "give the path of the openapi.yaml or .json file itself");
            }

            if (!File.Exists(path))
            {
                throw new FileNotFoundException("spec not found", path);
            }

            if (new FileInfo(path).Length > MaxDocumentBytes)
            {
                throw new ContractCheckException($"the file is larger than {MaxDocumentBytes / (1024 * 1024)} MB", new SourceLocation(name), "is this really an OpenAPI document?");
            }

            return File.ReadAllBytes(path);
        }

        return Download(uri, name, cancellationToken);
    }

    private byte[] Download(Uri uri, string name, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DownloadTimeout);
        var http = _http ?? SharedHttp.Value;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.ParseAdd("application/yaml, application/json;q=0.9, */*;q=0.5");
            using var response = http.Send(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new ContractCheckException($"downloading the spec answered {(int)response.StatusCode} {response.ReasonPhrase}", new SourceLocation(name), "check the URL, or download the spec and pass the file");
            }

            using var stream = response.Content.ReadAsStream(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxDocumentBytes)
                {
                    throw new ContractCheckException($"the download is larger than {MaxDocumentBytes / (1024 * 1024)} MB", new SourceLocation(name), "is this really an OpenAPI document?");
                }
            }

            return buffer.ToArray();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ContractCheckException($"downloading the spec took longer than {DownloadTimeout.TotalSeconds:0} s", new SourceLocation(name), "check the URL, or download the spec and pass the file");
        }
        catch (HttpRequestException e)
        {
            throw new ContractCheckException("the spec could not be downloaded: " + e.Message, new SourceLocation(name), "check the URL and that the server is up, or download the spec and pass the file");
        }
    }

    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 5 }));
}
