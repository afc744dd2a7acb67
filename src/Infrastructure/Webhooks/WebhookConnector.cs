using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace RiskPlatform.Infrastructure.Webhooks;

/// <summary>
/// The connect step of the webhook HTTP handler: resolves the host, judges every address (<see cref="WebhookAddresses"/>)
/// and connects only to the addresses it judged, so a name that changes its answer between registration and send (DNS
/// rebinding) is refused at send time, and no later lookup can slip a private address in.
/// </summary>
internal static class WebhookConnector
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Create(bool allowLoopback) =>
        async (context, cancellationToken) =>
        {
            var scheme = context.InitialRequestMessage.RequestUri?.Scheme ?? Uri.UriSchemeHttps;
            var addresses = await WebhookAddresses.ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
            if (WebhookAddresses.Refusal(scheme, addresses, allowLoopback) is { } refusal)
            {
                throw new WebhookAddressRefusedException(refusal);
            }

            Exception? last = null;
            foreach (var address in addresses)
            {
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch (SocketException exception)
                {
                    socket.Dispose();
                    last = exception;
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            }

            throw last ?? new SocketException((int)SocketError.HostNotFound);
        };
}
