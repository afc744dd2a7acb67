using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.BrokerBindings;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.UnitTests.ApiKeys;

namespace RiskPlatform.Domain.UnitTests.BrokerBindings;

public sealed class BrokerBindingTests
{
    private static readonly DateTime Now = ApiKeys.ApiKeys.Now;

    private static BrokerBinding PaperFor(ApiKey key) => BrokerBinding.ForPaper(key.UserId, Now);

    [Fact]
    public void ForPaper_WhenCreated_IsActivePaper()
    {
        var binding = BrokerBinding.ForPaper(Guid.CreateVersion7(), Now);

        Assert.Equal((BrokerSource.Paper, (Guid?)null, (Broker?)null, true, BrokerBindingStatus.Active, (string?)null, Now),
            (binding.Source, binding.ApiKeyId, binding.Broker, binding.IsPaperTrading, binding.Status, binding.Reason, binding.StatusSince));
    }

    [Fact]
    public void BindApiKey_WhenAlpacaKeyIsActive_BindsItActive()
    {
        var key = ApiKeys.ApiKeys.Create();
        var binding = PaperFor(key);
        binding.MarkUnavailable("ignored on paper", Now);

        binding.BindApiKey(key, Now.AddMinutes(1));

        Assert.Equal((BrokerSource.ApiKey, (Guid?)key.Id, (Broker?)Broker.Alpaca, true, BrokerBindingStatus.Active, Now.AddMinutes(1)),
            (binding.Source, binding.ApiKeyId, binding.Broker, binding.IsPaperTrading, binding.Status, binding.StatusSince));
        Assert.True(binding.IsBoundTo(key.Id));
    }

    [Theory]
    [InlineData("revoked", BrokerBindingErrors.ApiKeyRevoked)]
    [InlineData("expired", BrokerBindingErrors.ApiKeyExpired)]
    [InlineData("inactive", BrokerBindingErrors.ApiKeyInactive)]
    public void BindApiKey_WhenKeyIsNotUsable_ThrowsConflict(string state, string code)
    {
        var key = ApiKeys.ApiKeys.Create(expiresAt: Now.AddDays(1));
        var at = Now;
        switch (state)
        {
            case "revoked":
                key.Revoke(Now);
                break;
            case "expired":
                at = Now.AddDays(2);
                break;
            default:
                key.UpdateMetadata(null, null, null, null, null, ApiKeyStatus.Inactive, Now);
                break;
        }

        var binding = PaperFor(key);

        var error = Assert.Throws<ConflictException>(() => binding.BindApiKey(key, at));
        Assert.Equal(code, error.Code);
        Assert.Equal(BrokerSource.Paper, binding.Source);
    }

    [Theory]
    [InlineData(Broker.InteractiveBrokers)]
    [InlineData(Broker.Binance)]
    public void BindApiKey_WhenBrokerHasNoTradingAdapter_ThrowsDomainException(Broker broker)
    {
        var key = ApiKeys.ApiKeys.Create(broker: broker);

        var error = Assert.Throws<DomainException>(() => PaperFor(key).BindApiKey(key, Now));

        Assert.Equal(BrokerBindingErrors.BrokerNotSupported, error.Code);
    }

    [Fact]
    public void BindApiKey_WhenKeyBelongsToAnotherUser_Throws()
    {
        var key = ApiKeys.ApiKeys.Create();

        Assert.Throws<DomainException>(() => BrokerBinding.ForPaper(Guid.CreateVersion7(), Now).BindApiKey(key, Now));
    }

    [Fact]
    public void MarkUnavailable_ThenAvailable_TracksReasonAndSince()
    {
        var key = ApiKeys.ApiKeys.Create();
        var binding = PaperFor(key);
        binding.BindApiKey(key, Now);

        Assert.True(binding.MarkUnavailable("Alpaca rejected the credentials (HTTP 401).", Now.AddMinutes(1)));
        Assert.False(binding.MarkUnavailable("Alpaca rejected the credentials (HTTP 401).", Now.AddMinutes(2)));
        Assert.Equal((BrokerBindingStatus.BrokerUnavailable, "Alpaca rejected the credentials (HTTP 401).", Now.AddMinutes(1)),
            (binding.Status, binding.Reason, binding.StatusSince));

        Assert.True(binding.MarkAvailable(Now.AddMinutes(3)));
        Assert.False(binding.MarkAvailable(Now.AddMinutes(4)));
        Assert.Equal((BrokerBindingStatus.Active, (string?)null, Now.AddMinutes(3)), (binding.Status, binding.Reason, binding.StatusSince));
    }

    [Fact]
    public void MarkUnavailable_WhenReasonLooksLikeASecret_RedactsIt()
    {
        var key = ApiKeys.ApiKeys.Create();
        var binding = PaperFor(key);
        binding.BindApiKey(key, Now);

        binding.MarkUnavailable("failed with PKSECRETCANARY0123456789ABCDEF", Now);

        Assert.DoesNotContain("PKSECRETCANARY0123456789ABCDEF", binding.Reason, StringComparison.Ordinal);
    }
}
