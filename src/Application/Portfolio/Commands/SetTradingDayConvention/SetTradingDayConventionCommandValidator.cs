using FluentValidation;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Domain.Portfolio.Calendar;

namespace RiskPlatform.Application.Portfolio.Commands.SetTradingDayConvention;

internal sealed class SetTradingDayConventionCommandValidator : AbstractValidator<SetTradingDayConventionCommand>
{
    public SetTradingDayConventionCommandValidator()
    {
        RuleFor(c => c.Convention).NotNull().WithMessage("convention is required: us_equities, utc or time_zone.");
        When(c => c.Convention == TradingDayConventionName.TimeZone, () =>
            RuleFor(c => c.TimeZone)
                .NotEmpty().WithMessage("time_zone is required for the time_zone convention (an IANA id such as \"Europe/London\").")
                .MaximumLength(TradingDayConvention.TimeZoneIdMaxLength)
                .ValidTimeZone());
        When(c => c.Convention is TradingDayConventionName.UsEquities or TradingDayConventionName.Utc, () =>
            RuleFor(c => c.TimeZone).Empty().WithMessage("time_zone is only allowed with the time_zone convention."));
    }
}
