using Ardalis.Specification;
using NSubstitute;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.UnitTests.Portfolio;

public sealed class MonitoredUsersTests
{
    private static readonly Guid WithState = Guid.NewGuid();
    private static readonly Guid WithRuleOnly = Guid.NewGuid();
    private static readonly Guid WithNeither = Guid.NewGuid();

    private readonly IReadRepository<RiskRule> _rules = Substitute.For<IReadRepository<RiskRule>>();
    private readonly IReadRepository<PortfolioState> _states = Substitute.For<IReadRepository<PortfolioState>>();

    [Fact]
    public async Task Filter_KeepsCandidatesWithAStateOrAMonitoredRule_InTheirOrder()
    {
        _states.ListAsync(Arg.Any<UsersWithPortfolioStateSpec>(), Arg.Any<CancellationToken>()).Returns([WithState]);
        _rules.ListAsync(Arg.Any<UsersWithMonitoredRulesSpec>(), Arg.Any<CancellationToken>()).Returns([WithRuleOnly, WithRuleOnly]);

        var watched = await MonitoredUsers.FilterAsync([WithNeither, WithRuleOnly, WithState], _rules, _states, CancellationToken.None);

        Assert.Equal([WithRuleOnly, WithState], watched);
    }

    [Fact]
    public async Task Filter_AsksForTheRulesOnlyOfCandidatesWithoutAState()
    {
        _states.ListAsync(Arg.Any<UsersWithPortfolioStateSpec>(), Arg.Any<CancellationToken>()).Returns([WithState]);
        _rules.ListAsync(Arg.Any<UsersWithMonitoredRulesSpec>(), Arg.Any<CancellationToken>()).Returns([]);

        await MonitoredUsers.FilterAsync([WithState, WithNeither], _rules, _states, CancellationToken.None);

        var spec = (ISpecification<RiskRule, Guid>)_rules.ReceivedCalls().Single().GetArguments()[0]!;
        var rules = new[] { Rule(WithState), Rule(WithNeither) };
        Assert.Equal([WithNeither], spec.Evaluate(rules));
    }

    [Fact]
    public async Task Filter_WhenEveryCandidateHasAState_DoesNotReadTheRules()
    {
        _states.ListAsync(Arg.Any<UsersWithPortfolioStateSpec>(), Arg.Any<CancellationToken>()).Returns([WithState, WithRuleOnly]);

        var watched = await MonitoredUsers.FilterAsync([WithState, WithRuleOnly], _rules, _states, CancellationToken.None);

        Assert.Equal([WithState, WithRuleOnly], watched);
        Assert.Empty(_rules.ReceivedCalls());
    }

    private static RiskRule Rule(Guid userId) =>
        RiskRule.Create(userId, "daily loss", null, RiskRuleType.MaxDailyLoss, 5, ThresholdUnit.Percent, RiskAction.Block);
}
