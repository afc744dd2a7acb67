using System.Globalization;
using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Commands.ReconcileBrokerOrders;

/// <summary>
/// The same refresh as before every order (<see cref="OpenOrderRefresh"/>): the broker is read with no transaction open
/// (docs/decisions/020), then the result is saved under the trading lock; an account with fills among them is queued for the
/// monitor after the commit. An account no longer on an external broker, or with no order finished meanwhile, writes no audit row.
/// </summary>
internal sealed class ReconcileBrokerOrdersCommandHandler(
    IRepository<Order> orders,
    IBrokerGateway broker,
    ITradingLock tradingLock,
    IUnitOfWork unitOfWork,
    FillMonitoring monitoring,
    AuditScope audit,
    IOptions<RiskCheckOptions> options,
    TimeProvider timeProvider) : IRequestHandler<ReconcileBrokerOrdersCommand, int>
{
    public async Task<int> Handle(ReconcileBrokerOrdersCommand request, CancellationToken cancellationToken)
    {
        audit.ActAs(request.UserId).Target("orders", null);
        if (!await broker.IsExternalAsync(request.UserId, cancellationToken))
        {
            audit.Describe("No external broker to reconcile open orders with").Unremarkable();
            return 0;
        }

        await unitOfWork.CommitSoFarAsync(cancellationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var read = await OpenOrderRefresh.RefreshAsync(orders, broker, request.UserId, now, options.Value.BrokerAcknowledgement, cancellationToken);
        await tradingLock.AcquireAsync(request.UserId, cancellationToken);
        var finished = read.Count(o => !o.IsOpen && !o.AwaitsBroker);
        if (read.Any(o => o.FilledQuantity > 0m))
        {
            monitoring.EnqueueAfterCommit(request.UserId);
        }

        audit.Describe(string.Create(
            CultureInfo.InvariantCulture, $"Reconciled {read.Count} open order(s) with the broker after its stream reconnected; {finished} finished"));
        if (finished == 0)
        {
            audit.Unremarkable();
        }

        return finished;
    }
}
