using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Email;

/// <summary>
/// The in-memory queue behind <see cref="IAccountEmailOutbox"/>, drained by <see cref="AccountEmailWorker"/>. Bounded: a mail
/// that does not fit is dropped with a warning (its user asks for another link).
/// </summary>
internal sealed partial class AccountEmailOutbox(ILogger<AccountEmailOutbox> logger) : IAccountEmailOutbox
{
    public const int Capacity = 10_000;

    private readonly Channel<EmailMessage> _queue = Channel.CreateBounded<EmailMessage>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public ChannelReader<EmailMessage> Reader => _queue.Reader;

    public void Enqueue(EmailMessage message)
    {
        if (!_queue.Writer.TryWrite(message))
        {
            LogDropped(logger, message.MessageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account email {MessageId} was dropped: the send queue is full")]
    private static partial void LogDropped(ILogger logger, string messageId);
}
