namespace ContractCheck.Core.Execution;

/// <summary>The revision of the IETF httpapi RateLimit draft a response's fields follow, or the older X-RateLimit-* convention.</summary>
public enum RateLimitForm
{
    /// <summary>draft-ietf-httpapi-ratelimit-headers-08 and later: <c>RateLimit-Policy: "default";q=100;w=10</c>, <c>RateLimit: "default";r=50;t=30</c>.</summary>
    Current,

    /// <summary>draft-07: one Dictionary, <c>RateLimit: limit=100, remaining=50, reset=5</c>.</summary>
    Dictionary,

    /// <summary>drafts 00 to 06: <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>, <c>RateLimit-Reset</c>.</summary>
    Separate,

    /// <summary>The convention before the drafts (GitHub, Twitter): <c>X-RateLimit-Limit</c>, <c>-Remaining</c>, <c>-Reset</c>.</summary>
    XRateLimit,
}
