using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Application.UnitTests.Common;

public sealed class AuditWriterTests
{
    [Fact]
    public async Task RecordAloneAsync_WhenTheWriteFails_QueuesTheRowUnlinkedForRetryInsteadOfDroppingIt()
    {
        var unitOfWork = Substitute.For<IUnitOfWork>();
        unitOfWork.BeginTransactionAsync(Arg.Any<CancellationToken>()).Returns(Substitute.For<IUnitOfWorkTransaction>());
        unitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("database away"));
        var chain = Substitute.For<IAuditChain>();
        chain.LinkAsync(Arg.Any<AuditLog>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                call.Arg<AuditLog>().Link(3, 42, 1, _ => new string('a', 64));
                return Task.CompletedTask;
            });
        var queue = Substitute.For<IAuditRetryQueue>();
        queue.TryEnqueue(Arg.Any<AuditLog>()).Returns(true);
        var writer = new AuditWriter(
            unitOfWork, Substitute.For<IRepository<AuditLog>>(), new AuditScope(), Substitute.For<ICurrentUser>(),
            Substitute.For<IRequestContext>(), chain, queue, new FakeTimeProvider(), NullLogger<AuditWriter>.Instance);

        await writer.RecordAloneAsync("PlaceOrder", AuditOutcome.Failed, "database_unavailable", writer.Start());

        queue.Received(1).TryEnqueue(Arg.Is<AuditLog>(row =>
            row.Action == "PlaceOrder" && row.ErrorCode == "database_unavailable" && row.Hash == null && row.ChainSequence == null));
        unitOfWork.Received(1).DiscardChanges();
    }
}
