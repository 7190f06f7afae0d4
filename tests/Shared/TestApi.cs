using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TodoApi;

namespace ContractCheck.Tests;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a free port, configured per test — the way tests host
/// misbehaving endpoints. Counts the requests it receives. Dispose stops it.
/// </summary>
public sealed class TestApi : IAsyncDisposable
{
    private int _requests;

    private TestApi(WebApplication app, Uri baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
    }

    public WebApplication App { get; }

    public Uri BaseUrl { get; }

    public int Requests => Volatile.Read(ref _requests);

    /// <param name="map">The endpoints (and middleware) of the test's server.</param>
    /// <param name="certificate">Serve https with this certificate (see <see cref="SelfSignedCertificate"/>) instead of http.</param>
    public static async Task<TestApi> StartAsync(Action<WebApplication> map, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (certificate is not null)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        }

        var app = builder.Build();
        if (certificate is null)
        {
            app.Urls.Add("http://127.0.0.1:0");
        }

        TestApi? api = null;
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref api!._requests);
            await next(context);
        });
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api = new TestApi(app, new Uri(certificate is null ? address : address.Replace("http://", "https://", StringComparison.Ordinal)));
        return api;
    }

    /// <summary>A self-signed certificate for 127.0.0.1, valid from yesterday to tomorrow: trusted by nobody, for TLS tests.</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    /// <summary>The example Todo API, with <paramref name="before"/> (a planted mistake) in front of it.</summary>
    public static async Task<TestApi> StartTodoAsync(TodoApiOptions? options = null, Action<WebApplication>? before = null)
    {
        TestApi? api = null;
        var (app, url) = await TodoApp.StartAsync(options ?? new TodoApiOptions(), app =>
        {
            app.Use(async (context, next) =>
            {
                Interlocked.Increment(ref api!._requests);
                await next(context);
            });
            before?.Invoke(app);
        });
        api = new TestApi(app, url);
        return api;
    }

    /// <summary>How many todos the Todo API holds (after a run: how many it left behind).</summary>
    public int Todos => App.Services.GetRequiredService<TodoStore>().Count;

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
