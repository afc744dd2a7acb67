using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Domain.UnitTests.Notifications;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("+1 (212) 555-0100", "+12125550100")]
    [InlineData(" +4915112345678 ", "+4915112345678")]
    [InlineData("+1.212.555.0100", "+12125550100")]
    public void TryNormalize_WhenInternational_ReturnsE164(string input, string expected) =>
        Assert.Equal(expected, PhoneNumber.TryNormalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("020 7946 0958")]
    [InlineData("+0 20 7946 0958")]
    [InlineData("+1234567")]
    [InlineData("+1234567890123456")]
    [InlineData("+1 555 CALL NOW")]
    [InlineData("++442079460958")]
    public void TryNormalize_WhenNotAnInternationalNumber_ReturnsNull(string? input) =>
        Assert.Null(PhoneNumber.TryNormalize(input));
}
