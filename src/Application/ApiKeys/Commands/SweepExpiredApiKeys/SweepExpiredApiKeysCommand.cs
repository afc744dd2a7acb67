using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.ApiKeys.Commands.SweepExpiredApiKeys;

/// <summary>
/// The background sweep's step: marks up to <see cref="BatchSize"/> keys past their expiry as expired and raises the
/// due expiry notices (7 days before, and on expiry). Run repeatedly until it reports fewer keys than the batch.
/// </summary>
public sealed record SweepExpiredApiKeysCommand(int BatchSize = SweepExpiredApiKeysCommand.DefaultBatchSize) : ICommand<ApiKeySweepResult>
{
    public const int DefaultBatchSize = 500;
}
