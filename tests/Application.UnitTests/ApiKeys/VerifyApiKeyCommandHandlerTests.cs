using NSubstitute;
using RiskPlatform.Application.ApiKeys.Commands.VerifyApiKey;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.UnitTests.Support;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.BrokerBindings;
using RiskPlatform.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace RiskPlatform.Application.UnitTests.ApiKeys;

public sealed class VerifyApiKeyCommandHandlerTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly Guid _userId = Guid.CreateVersion7();
    private readonly List<ApiKey> _store = [];
    private readonly List<BrokerBinding> _bindings = [];
    private readonly ReversingCredentialCipher _cipher = new();
    private readonly AuditScope _audit = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenNoAdapterSupportsTheBroker_ChecksIntegrityOnlyAndAnswersUnsupported()
    {
        var key = AddKey(Broker.Coinbase);
        var alpaca = new ScriptedBrokerVerifier(Broker.Alpaca, new BrokerVerificationResult(VerificationOutcome.Ok, null), _cipher);

        var result = await HandleAsync(key, alpaca);

        Assert.Equal(new ApiKeyVerificationDto(true, Now, result.Message, IntegrityOk: true, VerificationOutcome.Unsupported), result);
        Assert.Null(alpaca.HeaderSent);
        Assert.Equal(0, _cipher.DecryptCount);
        Assert.Equal((Now, 0), (key.LastVerifiedAt, key.ErrorCount));
        Assert.Null(_audit.FailureCode);
    }

    [Theory]
    [InlineData(VerificationOutcome.Ok, true, null, 0)]
    [InlineData(VerificationOutcome.Rejected, false, "broker_rejected", 1)]
    [InlineData(VerificationOutcome.Unreachable, false, "broker_unreachable", 1)]
    public async Task Handle_WhenAnAdapterAnswers_RecordsItsOutcome(VerificationOutcome outcome, bool isValid, string? failure, int errors)
    {
        var key = AddKey(Broker.Alpaca);
        var verifier = new ScriptedBrokerVerifier(Broker.Alpaca, new BrokerVerificationResult(outcome, "broker said so"), _cipher);

        var result = await HandleAsync(key, verifier);

        Assert.Equal((isValid, true, outcome), (result.IsValid, result.IntegrityOk, result.BrokerCheck));
        Assert.Equal("PKTESTKEY0000001:the-secret-value-1", verifier.HeaderSent);
        Assert.False(_cipher.InsideCallback);
        Assert.Equal(new BrokerCredentialTarget(key.Id, Broker.Alpaca, "https://paper-api.alpaca.markets", true, null), verifier.Target);
        Assert.Equal((failure, errors), (_audit.FailureCode, key.ErrorCount));
        Assert.DoesNotContain("the-secret-value-1", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_WhenTheCiphertextIsTampered_AnswersIntegrityFailedWithoutAskingTheBroker()
    {
        var key = AddKey(Broker.Alpaca);
        key.ReplaceCiphertexts(new CredentialCiphertexts([0x00, 1, 2], key.EncryptedApiSecret!, 1));
        var verifier = new ScriptedBrokerVerifier(Broker.Alpaca, new BrokerVerificationResult(VerificationOutcome.Ok, null), _cipher);

        var result = await HandleAsync(key, verifier);

        Assert.Equal((false, false), (result.IsValid, result.IntegrityOk));
        Assert.Null(verifier.HeaderSent);
        Assert.Equal(("integrity_failed", 1, ApiKeyStatus.Inactive), (_audit.FailureCode, key.ErrorCount, key.Status));
    }

    [Fact]
    public async Task Handle_WhenTheKeyBelongsToAnotherUser_ThrowsNotFoundMarkedAsDenied()
    {
        var key = AddKey(Broker.Alpaca, owner: Guid.CreateVersion7());

        var exception = await Assert.ThrowsAsync<NotFoundException>(() => HandleAsync(key));

        Assert.True(exception.BelongsToAnotherUser);
        Assert.Equal(("api_key", key.Id), (_audit.ResourceType, _audit.ResourceId));
    }

    [Fact]
    public async Task Handle_WhenTheKeyIsRevoked_ThrowsConflict()
    {
        var key = AddKey(Broker.Alpaca);
        key.Revoke(Now);

        var exception = await Assert.ThrowsAsync<ConflictException>(() => HandleAsync(key));

        Assert.Equal("api_key.revoked", exception.Code);
    }

    [Theory]
    [InlineData(VerificationOutcome.Ok, BrokerBindingStatus.BrokerUnavailable, BrokerBindingStatus.Active)]
    [InlineData(VerificationOutcome.Rejected, BrokerBindingStatus.Active, BrokerBindingStatus.BrokerUnavailable)]
    [InlineData(VerificationOutcome.Unreachable, BrokerBindingStatus.BrokerUnavailable, BrokerBindingStatus.BrokerUnavailable)]
    [InlineData(VerificationOutcome.Unreachable, BrokerBindingStatus.Active, BrokerBindingStatus.Active)]
    public async Task Handle_WhenTheKeyIsBound_TheBindingFollowsTheBrokersAnswer(
        VerificationOutcome outcome, BrokerBindingStatus before, BrokerBindingStatus after)
    {
        var key = AddKey(Broker.Alpaca);
        var binding = BrokerBinding.ForPaper(_userId, Now);
        binding.BindApiKey(key, Now);
        if (before == BrokerBindingStatus.BrokerUnavailable)
        {
            binding.MarkUnavailable("Alpaca rejected the credentials (HTTP 401).", Now);
        }

        _bindings.Add(binding);
        var verifier = new ScriptedBrokerVerifier(Broker.Alpaca, new BrokerVerificationResult(outcome, "broker said so"), _cipher);

        await HandleAsync(key, verifier);

        Assert.Equal(after, binding.Status);
    }

    private Task<ApiKeyVerificationDto> HandleAsync(ApiKey key, params IBrokerCredentialVerifier[] verifiers)
    {
        var currentUser = Substitute.For<ICurrentUser>();
        currentUser.RequireUserId().Returns(_userId);
        var handler = new VerifyApiKeyCommandHandler(
            InMemoryRepository.Of(_store), _cipher, verifiers, InMemoryRepository.Of(_bindings), currentUser, _audit, new FakeTimeProvider(new DateTimeOffset(Now)));
        return handler.Handle(new VerifyApiKeyCommand(key.Id), Cancellation);
    }

    private ApiKey AddKey(Broker broker, Guid? owner = null)
    {
        var id = Guid.CreateVersion7();
        var userId = owner ?? _userId;
        var key = ApiKey.Create(
            id,
            userId,
            broker,
            "key",
            description: null,
            accountId: null,
            baseUrl: null,
            isPaperTrading: true,
            isDefault: false,
            _cipher.Encrypt(CredentialContext.For(userId, id, broker, null, true), "PKTESTKEY0000001", "the-secret-value-1"),
            CredentialHints.KeyHint("PKTESTKEY0000001"),
            CredentialHints.SecretHint("the-secret-value-1"),
            Now.AddDays(-1));
        _store.Add(key);
        return key;
    }
}
