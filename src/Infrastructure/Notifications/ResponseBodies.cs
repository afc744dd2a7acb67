using System.Net.Http;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>Reads a peer's answer without trusting its size: at most so many bytes, the rest never read.</summary>
internal static class ResponseBodies
{
    public static async Task<byte[]> ReadAtMostAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Max(0, maxBytes)];
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return buffer[..read];
    }
}
