using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.Trading.Orders;
using RiskPlatform.Infrastructure.Actors;

namespace RiskPlatform.Infrastructure.IntegrationTests.Actors;

/// <summary>
/// An account call's result is handed over as the object itself within a node, and travels as its type's name and JSON between
/// nodes, through Orleans' own serializer and copier as the cluster uses them.
/// </summary>
public sealed class ActorResultTests : IDisposable
{
    private static readonly DateTime Since = new(2026, 12, 8, 9, 30, 0, DateTimeKind.Utc);
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    [Fact]
    public void Result_BetweenNodes_ArrivesAsAnEqualValueOfItsType()
    {
        var sent = new AccountCallResult(
            new ActorResult(typeof(TradingStateDto), new TradingStateDto(TradingState.Halted, "daily loss", Since, null)), null, AwaitDurable: true);
        var serializer = _services.GetRequiredService<Serializer>();

        var received = serializer.Deserialize<AccountCallResult>(serializer.SerializeToArray(sent))!;

        Assert.NotSame(sent.Result!.Value, received.Result!.Value);
        Assert.Equal((typeof(TradingStateDto), sent.Result.Value, true), (received.Result.Type, received.Result.Value, received.AwaitDurable));
    }

    [Fact]
    public void Result_WithinANode_IsHandedOverWithoutACopy()
    {
        var value = new TradingStateDto(TradingState.Active, null, null, null);
        var sent = new AccountCallResult(new ActorResult(typeof(TradingStateDto), value), null);

        var handedOver = _services.GetRequiredService<DeepCopier>().Copy(sent);

        Assert.Same(value, handedOver.Result!.Value);
    }

    [Fact]
    public void Result_NamingATypeThatNoAccountCommandOrReadReturns_IsRefused()
    {
        var converter = new ActorResultConverter();

        var error = Assert.Throws<InvalidOperationException>(() =>
            converter.ConvertFromSurrogate(new ActorResultSurrogate(typeof(FileInfo).FullName!, "\"/etc/passwd\"")));

        Assert.Contains("is not the result type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullResult_BetweenNodes_ArrivesAsNull()
    {
        var converter = new ActorResultConverter();
        var type = typeof(BrokerUpdateOutcome?);

        var received = converter.ConvertFromSurrogate(converter.ConvertToSurrogate(new ActorResult(type, null)));

        Assert.Equal((type, (object?)null), (received.Type, received.Value));
    }

    public void Dispose() => _services.Dispose();
}
