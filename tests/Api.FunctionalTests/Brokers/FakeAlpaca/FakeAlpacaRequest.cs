namespace RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;

/// <summary>One request the fake Alpaca received, with the credential headers and the body it carried.</summary>
public sealed record FakeAlpacaRequest(string Method, string PathAndQuery, string KeyId, string Secret, string Body = "")
{
    public string Route => $"{Method} {PathAndQuery.Split('?')[0]}";
}
