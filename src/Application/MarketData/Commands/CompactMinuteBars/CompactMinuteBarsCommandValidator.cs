using FluentValidation;

namespace RiskPlatform.Application.MarketData.Commands.CompactMinuteBars;

/// <summary>Nothing to check: the command has no input (the retention is a validated setting).</summary>
internal sealed class CompactMinuteBarsCommandValidator : AbstractValidator<CompactMinuteBarsCommand>;
