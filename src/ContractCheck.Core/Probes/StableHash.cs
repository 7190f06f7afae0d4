namespace ContractCheck.Core.Probes;

/// <summary>FNV-1a over a string: unlike string.GetHashCode it is the same in every process.</summary>
public static class StableHash
{
    public static int Of(string text) => Of([text]);

    /// <summary>The hash of the parts written one after the other (the same as of their concatenation, without making it).</summary>
    public static int Of(params ReadOnlySpan<string> parts)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var part in parts)
            {
                foreach (var c in part)
                {
                    hash = (hash ^ c) * 16777619;
                }
            }

            return hash;
        }
    }
}
