using Microsoft.Extensions.Time.Testing;
using RiskPlatform.Application.ApiKeys.Commands.SweepExpiredApiKeys;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.UnitTests.Support;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.ApiKeys.Events;

namespace RiskPlatform.Application.UnitTests.ApiKeys;

public sealed class SweepExpiredApiKeysCommandHandlerTests
{
    private static readonly DateTime Start = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Start));
    private readonly List<ApiKey> _store = [];
    private readonly AuditScope _audit = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenAKeyEntersTheWarningPeriod_RaisesOneExpiresSoonNoticeAndKeepsItActive()
    {
        var key = AddKey(expiresAt: Start.AddDays(10));

        var early = await SweepAsync();
        _clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        var due = await SweepAsync();
        var again = await SweepAsync();

        Assert.Equal(new ApiKeySweepResult(0, 0, 0), early);
        Assert.Equal(new ApiKeySweepResult(1, 0, 1), due);
        Assert.Equal(new ApiKeySweepResult(0, 0, 0), again);
        var notice = Assert.IsType<ApiKeyExpiring>(Assert.Single(key.DomainEvents));
        Assert.Equal((ExpiryNotice.ExpiresSoon, key.Id, key.UserId), (notice.Notice, notice.ApiKeyId, notice.UserId));
        Assert.Equal(ApiKeyStatus.Active, key.Status);
    }

    [Fact]
    public async Task Handle_WhenAKeyIsPastItsExpiry_MarksItExpiredAndRaisesTheExpiredNoticeOnce()
    {
        var key = AddKey(expiresAt: Start.AddDays(1));
        var later = AddKey(expiresAt: Start.AddDays(30));

        _clock.Advance(TimeSpan.FromDays(1));
        var swept = await SweepAsync();
        Assert.Equal(("api_key", null), (_audit.ResourceType, _audit.ResourceId));
        Assert.Contains("1 marked expired", _audit.Description, StringComparison.Ordinal);
        var again = await SweepAsync();

        Assert.Equal(new ApiKeySweepResult(1, 1, 1), swept);
        Assert.Equal(new ApiKeySweepResult(0, 0, 0), again);
        Assert.Equal(ApiKeyStatus.Expired, key.Status);
        Assert.Equal(ExpiryNotice.Expired, Assert.IsType<ApiKeyExpiring>(Assert.Single(key.DomainEvents)).Notice);
        Assert.Equal(ApiKeyStatus.Active, later.Status);
        Assert.Empty(later.DomainEvents);
    }

    [Fact]
    public async Task Handle_WhenRevokedOrWithoutExpiry_LeavesTheKeyAlone()
    {
        var revoked = AddKey(expiresAt: Start.AddHours(1));
        revoked.Revoke(Start);
        var forever = AddKey(expiresAt: null);

        _clock.Advance(TimeSpan.FromDays(2));
        var swept = await SweepAsync();

        Assert.Equal(new ApiKeySweepResult(0, 0, 0), swept);
        Assert.Equal((ApiKeyStatus.Revoked, ApiKeyStatus.Active), (revoked.Status, forever.Status));
        Assert.Empty(revoked.DomainEvents);
    }

    [Fact]
    public async Task Handle_WhenMoreKeysAreDueThanTheBatch_SweepsOneBatchPerCall()
    {
        for (var i = 0; i < 5; i++)
        {
            AddKey(expiresAt: Start.AddMinutes(i + 1));
        }

        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(new ApiKeySweepResult(3, 3, 3), await SweepAsync(batchSize: 3));
        Assert.Equal(new ApiKeySweepResult(2, 2, 2), await SweepAsync(batchSize: 3));
        Assert.All(_store, k => Assert.Equal(ApiKeyStatus.Expired, k.Status));
    }

    private Task<ApiKeySweepResult> SweepAsync(int batchSize = SweepExpiredApiKeysCommand.DefaultBatchSize) =>
        new SweepExpiredApiKeysCommandHandler(InMemoryRepository.Of(_store), _audit, _clock)
            .Handle(new SweepExpiredApiKeysCommand(batchSize), Cancellation);

    private ApiKey AddKey(DateTime? expiresAt)
    {
        var key = ApiKey.Create(
            Guid.CreateVersion7(),
            Guid.CreateVersion7(),
            Broker.Alpaca,
            $"key {_store.Count}",
            description: null,
            accountId: null,
            baseUrl: null,
            isPaperTrading: true,
            isDefault: false,
            new CredentialCiphertexts([1, 2, 3], [4, 5, 6], MasterKeyVersion: 1),
            CredentialHints.Masked,
            CredentialHints.Masked,
            Start,
            expiresAt);
        _store.Add(key);
        return key;
    }
}
