using System.Net;
using System.Net.Sockets;

namespace ContractCheck.Tests;

/// <summary>Ports on 127.0.0.1 for tests.</summary>
public static class Ports
{
    /// <summary>A port nothing listens on: one the system just handed out and took back.</summary>
    public static int Closed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
