namespace ContractCheck.Core.Execution;

/// <summary>The run's request ceiling (--max-requests), shared by every worker: a request is sent only after it is taken from here.</summary>
public sealed class RequestBudget
{
    private readonly int _ceiling;
    private int _taken;

    public RequestBudget(int ceiling)
    {
        _ceiling = ceiling;
    }

    public int Ceiling => _ceiling;

    /// <summary>Requests taken so far.</summary>
    public int Taken => Volatile.Read(ref _taken);

    /// <summary>What is left under the ceiling.</summary>
    public int Left => Math.Max(0, _ceiling - Taken);

    /// <summary>Takes <paramref name="count"/> requests at once, or none when fewer are left.</summary>
    public bool TryTake(int count = 1)
    {
        while (true)
        {
            var taken = Volatile.Read(ref _taken);
            if (taken + count > _ceiling)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _taken, taken + count, taken) == taken)
            {
                return true;
            }
        }
    }
}
