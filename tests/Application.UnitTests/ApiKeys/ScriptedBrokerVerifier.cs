using System.Text;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.UnitTests.ApiKeys;

/// <summary>A broker adapter for one broker that builds an "authorization header" inside the callback and answers as told.</summary>
internal sealed class ScriptedBrokerVerifier(Broker broker, BrokerVerificationResult answer, ReversingCredentialCipher cipher) : IBrokerCredentialVerifier
{
    public string? HeaderSent { get; private set; }

    public BrokerCredentialTarget? Target { get; private set; }

    public bool Supports(Broker candidate) => candidate == broker;

    public Task<BrokerVerificationResult> VerifyAsync(BrokerCredentialTarget target, DecryptedCredentialAccess credentials, CancellationToken cancellationToken)
    {
        Target = target;
        HeaderSent = credentials.Use(cipher, static (key, secret, c) =>
        {
            Assert.True(c.InsideCallback);
            return $"{Encoding.UTF8.GetString(key)}:{Encoding.UTF8.GetString(secret)}";
        });
        return Task.FromResult(answer);
    }
}
