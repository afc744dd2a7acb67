namespace RiskPlatform.Infrastructure.Brokers.Paper;

/// <summary>Settings of the built-in paper broker (configuration section <c>Brokers:Paper</c>).</summary>
public sealed class PaperBrokerOptions
{
    public const string SectionName = "Brokers:Paper";

    /// <summary>Cash a new paper account opens with (<c>Brokers:Paper:StartingCash</c>, default 100,000 USD).</summary>
    public decimal StartingCash { get; set; } = Domain.Trading.Paper.PaperAccount.DefaultStartingCash;
}
