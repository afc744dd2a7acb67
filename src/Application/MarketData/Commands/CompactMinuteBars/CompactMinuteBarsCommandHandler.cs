using System.Globalization;
using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.Commands.CompactMinuteBars;

/// <summary>One set-based delete of the minute bars that started before now − the retention; nothing is loaded.</summary>
internal sealed class CompactMinuteBarsCommandHandler(
    IRepository<MinuteBar> bars, IOptions<MarketDataOptions> options, AuditScope audit, TimeProvider timeProvider)
    : IRequestHandler<CompactMinuteBarsCommand, int>
{
    public async Task<int> Handle(CompactMinuteBarsCommand request, CancellationToken cancellationToken)
    {
        var cutoff = MinuteBar.MinuteOf(timeProvider.GetUtcNow().UtcDateTime.AddDays(-options.Value.MinuteBarRetentionDays));
        var deleted = await bars.DeleteAsync(new MinuteBarsBeforeSpec(cutoff), cancellationToken);
        audit.Target("minute_bars", null).Describe(string.Create(CultureInfo.InvariantCulture, $"Deleted {deleted} minute bar(s) that started before {cutoff:u}"));
        if (deleted == 0)
        {
            audit.Unremarkable();
        }

        return deleted;
    }
}
