using System.Globalization;

namespace ContractCheck.Core.Probes;

/// <summary>
/// One part of a plan split for a CI matrix: shard <see cref="Index"/> of <see cref="Count"/>, counted from 1, as
/// <c>--shard i/n</c> writes it. The n shards of a plan are disjoint and together are the whole plan (see <see cref="Sharding"/>).
/// </summary>
public sealed record Shard(int Index, int Count)
{
    /// <summary>The most shards a plan is split into.</summary>
    public const int MaxCount = 1000;

    /// <summary>Reads <c>i/n</c> (1 ≤ i ≤ n ≤ <see cref="MaxCount"/>); anything else is a usage error saying what to write.</summary>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new ContractCheckException($"--shard '{text}' is not a shard", null, "write i/n: this job's number and the number of jobs, e.g. --shard 2/4 for the second of four");
        }

        if (count is < 1 or > MaxCount)
        {
            throw new ContractCheckException($"--shard {text}: the number of shards must be between 1 and {MaxCount}", null, "write i/n with n the number of jobs in the CI matrix, e.g. --shard 1/4");
        }

        if (index < 1 || index > count)
        {
            throw new ContractCheckException($"--shard {text}: the shard number must be between 1 and {count}", null, $"number the jobs from 1 to {count}: --shard 1/{count} … --shard {count}/{count}");
        }

        return new Shard(index, count);
    }

    public override string ToString() => $"{Index}/{Count}";
}
