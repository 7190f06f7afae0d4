using ContractCheck.Core.Execution;
using ContractCheck.Core.Schema;

namespace ContractCheck.Core.Checks;

/// <summary>Whether two answers for one resource show the same representation: by their ETags where both have one, else by their bodies.</summary>
internal static class Representation
{
    public static bool Same(ReceivedResponse a, ReceivedResponse b)
    {
        if (EntityTag.Parse(a.Header("ETag")) is { } x && EntityTag.Parse(b.Header("ETag")) is { } y)
        {
            return EntityTag.WeakMatch(x, y);
        }

        return SameBody(a, b);
    }

    /// <summary>The same JSON value (member order aside), or else the same bytes.</summary>
    public static bool SameBody(ReceivedResponse a, ReceivedResponse b) =>
        BodyJson.TryParse(a.Body) is { } first && BodyJson.TryParse(b.Body) is { } second
            ? JsonEquality.AreEqual(first, second)
            : a.Body.AsSpan().SequenceEqual(b.Body);
}
