using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Sms;

/// <summary>SMS is available when <c>Sms:Twilio</c> has an account, a token and a sender.</summary>
internal sealed class TwilioAvailability(IOptions<TwilioOptions> options) : ISmsAvailability
{
    public bool IsConfigured => options.Value.IsConfigured;
}
