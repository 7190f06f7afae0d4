using System.Text;
using System.Text.Json;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// The findings a team knows of, by fingerprint (<c>contractcheck.baseline.json</c>, committed beside the API): with
/// <c>--baseline</c> a run fails only on findings not in it. The file is sorted (operation, probe, step, check) with
/// one finding per line, so a change to it reads as a short diff.
/// </summary>
public sealed class Baseline
{
    /// <summary>The file name <c>contractcheck baseline</c> and <c>--update-baseline</c> write by default.</summary>
    public const string DefaultFile = "contractcheck.baseline.json";

    private const int FormatVersion = 1;

    private readonly HashSet<string> _fingerprints;

    public Baseline(string path, IReadOnlyList<BaselineEntry> entries)
    {
        Path = path;
        Entries = entries;
        _fingerprints = new HashSet<string>(entries.Select(e => e.Fingerprint), StringComparer.Ordinal);
    }

    /// <summary>Where the baseline was read from (or will be written to).</summary>
    public string Path { get; }

    public IReadOnlyList<BaselineEntry> Entries { get; }

    public bool Contains(string fingerprint) => _fingerprints.Contains(fingerprint);

    /// <summary>Reads a baseline file; a missing or malformed one is a <see cref="ContractCheckException"/> naming the place and the fix.</summary>
    public static Baseline Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ContractCheckException($"baseline file '{path}' does not exist", new SourceLocation(path), $"record one with: contractcheck baseline --out {path} (same options as run), or add --update-baseline to this run");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ContractCheckException($"baseline file '{path}' could not be read: {e.Message}", new SourceLocation(path), "check the file's permissions");
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
            {
                throw Malformed(path, "the top level must be an object with a 'findings' list");
            }

            if (root.TryGetProperty("version", out var version) && (version.ValueKind != JsonValueKind.Number || version.GetInt32() != FormatVersion))
            {
                throw Malformed(path, $"'version' must be {FormatVersion}");
            }

            var entries = new List<BaselineEntry>();
            foreach (var item in findings.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || Text(item, "fingerprint") is not { Length: > 0 } fingerprint)
                {
                    throw Malformed(path, $"finding {entries.Count + 1} has no 'fingerprint'");
                }

                entries.Add(new BaselineEntry(fingerprint, Text(item, "operation") ?? "", Text(item, "probe") ?? "", Text(item, "step"), Text(item, "check") ?? "", Text(item, "title") ?? ""));
            }

            return new Baseline(path, entries);
        }
        catch (JsonException e)
        {
            throw new ContractCheckException($"baseline file is not valid JSON: {e.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}", new SourceLocation(path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1), $"fix it, or record it again with: contractcheck baseline --out {path}");
        }
    }

    /// <summary>Writes the entries sorted, one per line; returns how many.</summary>
    public static int Write(string path, IEnumerable<BaselineEntry> entries)
    {
        var sorted = entries.DistinctBy(e => e.Fingerprint)
            .OrderBy(e => e.Operation, StringComparer.Ordinal).ThenBy(e => e.Probe, StringComparer.Ordinal)
            .ThenBy(e => e.Step ?? "", StringComparer.Ordinal).ThenBy(e => e.Check, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder();
        text.Append("{\n  \"comment\": \"ContractCheck baseline: the known findings of this API. A run with --baseline fails only on findings not listed here.\",\n");
        text.Append($"  \"version\": {FormatVersion},\n  \"findings\": [");
        for (var i = 0; i < sorted.Count; i++)
        {
            var e = sorted[i];
            text.Append(i == 0 ? "\n    " : ",\n    ");
            text.Append(JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["fingerprint"] = e.Fingerprint,
                ["operation"] = e.Operation,
                ["probe"] = e.Probe,
                ["step"] = e.Step,
                ["check"] = e.Check,
                ["title"] = e.Title,
            }.Where(p => p.Value is not null).ToDictionary(), Compact));
        }

        text.Append(sorted.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
        using (var file = ReportFile.Open(path))
        {
            file.Write(Encoding.UTF8.GetBytes(text.ToString()));
        }

        return sorted.Count;
    }

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ContractCheckException Malformed(string path, string problem) =>
        new($"baseline file is not a ContractCheck baseline: {problem}", new SourceLocation(path), $"record it again with: contractcheck baseline --out {path}");
}
