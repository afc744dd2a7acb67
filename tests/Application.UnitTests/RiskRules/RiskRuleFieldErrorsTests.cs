using System.Reflection;
using Mapster;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Application.RiskRules.Queries.ListRiskRuleBreaches;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.UnitTests.RiskRules;

public sealed class RiskRuleFieldErrorsTests
{
    private static readonly string[] WireFields =
        ["name", "rule_type", "threshold_value", "threshold_unit", "action", "symbols", "params.window_seconds", "params.lookback_days", "params.sectors"];

    public static TheoryData<string> ErrorCodes() => new(typeof(RiskRuleErrors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!));

    [Theory]
    [MemberData(nameof(ErrorCodes))]
    public void FieldOf_EveryRiskRuleErrorCode_NamesAWireField(string code) =>
        Assert.Contains(RiskRuleFieldErrors.FieldOf(code), WireFields);

    [Fact]
    public void FieldOf_AnUnrelatedCode_IsNull() => Assert.Null(RiskRuleFieldErrors.FieldOf("SOMETHING_ELSE"));

    [Theory]
    [InlineData(150, ThresholdUnit.Percent, RiskAction.Alert, "threshold_value")]
    [InlineData(5, ThresholdUnit.Ratio, RiskAction.Alert, "threshold_unit")]
    [InlineData(5, ThresholdUnit.Percent, RiskAction.ReduceSize, "action")]
    public void Translate_WhenTheAggregateRefuses_ThrowsValidationExceptionNamingTheField(
        int threshold, ThresholdUnit unit, RiskAction action, string field)
    {
        var exception = Assert.Throws<ValidationException>(() => RiskRuleFieldErrors.Translate(() =>
            RiskRule.Create(Guid.NewGuid(), "r", null, RiskRuleType.MaxDailyLoss, threshold, unit, action)));

        Assert.Equal([field], exception.Errors.Keys);
    }

    [Fact]
    public void Translate_OtherDomainRefusals_PassThrough() =>
        Assert.Throws<DomainException>(() => RiskRuleFieldErrors.Translate<int>(() => throw new DomainException("OTHER", "no")));

    [Fact]
    public void Mappings_ForRulesAndBreaches_CompileWithEveryMemberSourced()
    {
        var config = DependencyInjection.CreateMappingConfig();
        config.RequireDestinationMemberSource = true;

        config.Compile(typeof(RiskRule), typeof(RiskRuleDto));
        config.Compile(typeof(RiskBreach), typeof(RiskBreachDto));
        config.CompileProjection(typeof(RiskRule), typeof(RiskRuleDto));
        config.CompileProjection(typeof(RiskBreach), typeof(RiskBreachDto));

        var rule = RiskRule.Create(Guid.NewGuid(), "r", null, RiskRuleType.OrderRateLimit, 10, ThresholdUnit.Count, RiskAction.Block, windowSeconds: 60);
        var dto = rule.Adapt<RiskRuleDto>(config);
        Assert.Equal(new RiskRuleParams(60), dto.Params);
        Assert.Equal(rule.Id, dto.Id);
    }
}
