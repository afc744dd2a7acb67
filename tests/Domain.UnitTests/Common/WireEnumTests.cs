using System.Text.Json;
using System.Text.Json.Serialization;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Domain.UnitTests.Common;

public sealed class WireEnumTests
{
    /// <summary>The serializer's enum converter, as the HTTP API and the stored JSON are configured.</summary>
    private static readonly JsonSerializerOptions Wire = new() { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) } };

    public static TheoryData<Type> DomainEnums()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(WireEnum).Assembly.GetTypes().Where(t => t is { IsEnum: true, IsPublic: true }).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DomainEnums))]
    public void Name_ForEveryMemberOfEveryDomainEnum_IsWhatTheSerializerWritesAndParsesBack(Type enumType)
    {
        var check = typeof(WireEnumTests).GetMethod(nameof(AgreesWithSerializer), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(enumType);

        check.Invoke(null, null);
    }

    [Fact]
    public void Names_AreInDeclarationOrder()
    {
        Assert.Equal(["low", "medium", "high", "urgent"], WireEnum.Names<NotificationPriority>());
    }

    [Theory]
    [InlineData("ReduceSize")]
    [InlineData("reduceSize")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_WhenNotExactlyAWireName_Refuses(string? value)
    {
        Assert.False(WireEnum.TryParse<RiskAction>(value, out _));
    }

    [Theory]
    [InlineData("WindowSeconds", "window_seconds")]
    [InlineData("MaxDailyLoss", "max_daily_loss")]
    [InlineData("id", "id")]
    public void SnakeCase_Of_GivesTheWireName(string name, string expected)
    {
        Assert.Equal(expected, SnakeCase.Of(name));
    }

    private static void AgreesWithSerializer<TEnum>()
        where TEnum : struct, Enum
    {
        foreach (var member in Enum.GetValues<TEnum>())
        {
            var serialized = JsonSerializer.Serialize(member, Wire).Trim('"');

            Assert.Equal(serialized, WireEnum.Name(member));
            Assert.True(WireEnum.TryParse<TEnum>(serialized, out var parsed));
            Assert.Equal(member, parsed);
        }
    }
}
