namespace ContractCheck.Core.Probes;

/// <summary>FNV-1a over a string: unlike string.GetHashCode it is the same in every process.</summary>
public static class StableHash
{
    public static int Of(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
