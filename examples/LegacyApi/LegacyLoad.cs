namespace LegacyApi;

/// <summary>
/// A home-made throttle: past 60 requests in a second it answers 429 without Retry-After, and one
/// request in five of those fails with 503 instead — the mistakes a burst shows.
/// </summary>
internal sealed class LegacyLoad
{
    public const int Throttle = 1;
    public const int Fail = 2;

    private readonly object _gate = new();
    private long _window;
    private int _count;

    public int Next()
    {
        lock (_gate)
        {
            var now = Environment.TickCount64 / 1000;
            if (now != _window)
            {
                _window = now;
                _count = 0;
            }

            _count++;
            return _count <= 60 ? 0 : _count % 5 == 0 ? Fail : Throttle;
        }
    }
}
