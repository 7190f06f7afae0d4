using ContractCheck.NUnit.Tests.Support;
using TodoApi;

namespace ContractCheck.NUnit.Tests;

/// <summary>The no-port check can fail: it sees the port of a Kestrel server in this process.</summary>
[NonParallelizable]
public class ListeningSocketsTests
{
    [Test]
    public async Task OfThisProcess_SeesTheKestrelPortOfTheTodoApi()
    {
        if (!ListeningSockets.Supported)
        {
            Assert.Ignore("needs /proc/net/tcp and /proc/self/fd (Linux) to list this process's listening sockets");
        }

        var (app, url) = await TodoApp.StartAsync(new TodoApiOptions());
        try
        {
            Assert.That(ListeningSockets.OfThisProcess(), Does.Contain(url.Port));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
