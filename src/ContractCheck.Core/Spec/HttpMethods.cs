namespace ContractCheck.Core.Spec;

/// <summary>The methods an OpenAPI path item can declare (QUERY aside), in the order wrong-method tries them.</summary>
public static class HttpMethods
{
    public static IReadOnlyList<string> Standard { get; } = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"];
}
