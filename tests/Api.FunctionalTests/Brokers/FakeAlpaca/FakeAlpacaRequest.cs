namespace RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;

/// <summary>One request the fake Alpaca received, with the credential headers it carried.</summary>
public sealed record FakeAlpacaRequest(string Method, string PathAndQuery, string KeyId, string Secret);
