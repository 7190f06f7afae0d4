namespace ContractCheck.Core.Execution;

/// <summary>The request as it went on the wire: method, full URL, headers and body.</summary>
public sealed record SentRequest(string Method, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body);
