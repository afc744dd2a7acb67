using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

/// <summary>
/// Gives each test request the peer address named in its <see cref="Header"/> (loopback without one), as a real connection
/// would have: the in-memory test server has none. Register it in a host's services as an <see cref="IStartupFilter"/>.
/// </summary>
public sealed class PeerAddressFilter : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(
                context.Request.Headers.TryGetValue(Header, out var peer) ? peer.ToString() : "127.0.0.1");
            return nextMiddleware(context);
        });
        next(app);
    };
}
