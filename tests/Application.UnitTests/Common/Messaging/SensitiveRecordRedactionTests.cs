using System.Reflection;
using System.Text.RegularExpressions;
using RiskPlatform.Application.Auth.Commands.ConfirmTotp;
using RiskPlatform.Application.Auth.Commands.Login;
using RiskPlatform.Application.Auth.Commands.SetUpTotp;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Common.Email;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.UnitTests.Common.Messaging;

/// <summary>
/// A record prints every property in its generated <c>ToString()</c>, so a command or response that carries a password,
/// token, TOTP secret, recovery code or broker credential must print itself without them: one log line or exception
/// message with the record in it would otherwise spill the secret. Every <see cref="ISensitiveRequest"/> is found by
/// reflection, so a new one is held to this without being listed.
/// </summary>
public sealed partial class SensitiveRecordRedactionTests
{
    public static TheoryData<Type> SensitiveRequests =>
        [.. typeof(ISensitiveRequest).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISensitiveRequest).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)];

    public static TheoryData<Type, string[]> SensitiveResults => new()
    {
        { typeof(TokenResponse), ["AccessToken", "RefreshToken"] },
        { typeof(MfaChallengeResponse), ["ChallengeToken"] },
        { typeof(TotpSetupResponse), ["Secret", "OtpauthUri"] },
        { typeof(RecoveryCodesResponse), ["RecoveryCodes"] },
        { typeof(EmailMessage), ["Text", "Html"] },
    };

    [Fact]
    public void SensitiveRequests_AreFound() => Assert.True(SensitiveRequests.Count >= 10, $"only {SensitiveRequests.Count} sensitive requests found");

    [Theory]
    [MemberData(nameof(SensitiveRequests))]
    public void ToString_OfASensitiveRequest_PrintsNoneOfItsSecrets(Type type)
    {
        var (printed, parameters) = PrintWithCanaries(type);
        var secrets = parameters.Where(p => SecretName().IsMatch(p.Name!)).ToList();

        Assert.NotEmpty(printed);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(Canary(secret), printed, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(SensitiveResults))]
    public void ToString_OfAResultCarryingSecrets_PrintsNoneOfThem(Type type, string[] secretParameters)
    {
        var (printed, parameters) = PrintWithCanaries(type);

        Assert.All(secretParameters, name => Assert.Contains(parameters, p => p.Name == name));
        foreach (var secret in parameters.Where(p => secretParameters.Contains(p.Name)))
        {
            Assert.DoesNotContain(Canary(secret), printed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ToString_OfALoginOutcome_PrintsNoToken()
    {
        var outcome = new LoginOutcome(new TokenResponse("canary-access", "canary-refresh", "bearer", 900), null);

        Assert.DoesNotContain("canary", outcome.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The record built through its widest constructor, every string argument a canary naming its parameter.</summary>
    private static (string Printed, ParameterInfo[] Parameters) PrintWithCanaries(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = constructor.GetParameters();
        var arguments = parameters.Select(p => p.ParameterType == typeof(string) ? Canary(p)
            : typeof(IEnumerable<string>).IsAssignableFrom(p.ParameterType) ? new[] { Canary(p) }
            : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType)
            : null).ToArray();
        return (constructor.Invoke(arguments).ToString()!, parameters);
    }

    private static string Canary(ParameterInfo parameter) => $"canary-{parameter.Name}-7f3a";

    [GeneratedRegex("password|token|secret|code|^apikey$|^newapikey$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
