namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>
/// The engine's verdict on one proposed order. <see cref="Results"/> lists every rule evaluated, in evaluation order
/// (by rule type as declared in <see cref="RiskRuleType"/>, then by rule id). When the caller passed a results buffer to
/// <see cref="RiskEngine.Evaluate(PortfolioSnapshot, IReadOnlyList{RiskRule}, ProposedOrder, List{RuleEvaluation}?)"/>,
/// <see cref="Results"/> is that buffer: read it before reusing the buffer.
/// </summary>
public sealed class RiskDecision
{
    private readonly int _bindingIndex;
    private IReadOnlyList<RuleEvaluation>? _breaches;
    private IReadOnlyList<string>? _reasons;

    internal RiskDecision(
        RiskDecisionOutcome outcome,
        decimal requestedQuantity,
        decimal approvedQuantity,
        RiskAction? action,
        string? failureCode,
        string? failureReason,
        decimal referencePrice,
        bool isReduceOnly,
        IReadOnlyList<RuleEvaluation> results,
        int bindingIndex)
    {
        Outcome = outcome;
        RequestedQuantity = requestedQuantity;
        ApprovedQuantity = approvedQuantity;
        Action = action;
        FailureCode = failureCode;
        FailureReason = failureReason;
        ReferencePrice = referencePrice;
        IsReduceOnly = isReduceOnly;
        Results = results;
        _bindingIndex = bindingIndex;
    }

    public RiskDecisionOutcome Outcome { get; }

    public decimal RequestedQuantity { get; }

    /// <summary>The quantity that may be submitted: requested when accepted, whole shares when reduced, 0 when blocked.</summary>
    public decimal ApprovedQuantity { get; }

    /// <summary>The strictest action among breached rules (close_all &gt; close_position &gt; block &gt; reduce_size &gt; alert); null when none breached.</summary>
    public RiskAction? Action { get; }

    /// <summary>Set when the order failed closed before any rule: <c>QUOTE_UNAVAILABLE</c>, <c>QUOTE_STALE</c> or <c>EQUITY_NOT_POSITIVE</c>.</summary>
    public string? FailureCode { get; }

    /// <summary>Reason text for <see cref="FailureCode"/>, e.g. <c>QUOTE_STALE: symbol=AAPL, age_seconds=42.00, max_age_seconds=5.00</c>.</summary>
    public string? FailureReason { get; }

    /// <summary>The price the rules were evaluated at (0 when the quote failed).</summary>
    public decimal ReferencePrice { get; }

    /// <summary>True when the order only reduces an existing position, so blocking rules do not apply to it.</summary>
    public bool IsReduceOnly { get; }

    public IReadOnlyList<RuleEvaluation> Results { get; }

    public bool IsAccepted => Outcome != RiskDecisionOutcome.Blocked;

    /// <summary>
    /// The rule that decided the outcome: for <see cref="RiskDecisionOutcome.Reduced"/> (or a reduction to zero) the reduce_size rule
    /// allowing the least; for a block, the first breached rule with the strictest action. Null when accepted or failed closed.
    /// </summary>
    public RuleEvaluation? BindingRule => _bindingIndex >= 0 ? Results[_bindingIndex] : null;

    /// <summary>Rules whose action applies (outcome <see cref="RuleOutcome.Breached"/>), in evaluation order. Allocated on first use.</summary>
    public IReadOnlyList<RuleEvaluation> Breaches => _breaches ??= Collect(static _ => true);

    /// <summary>Breached rules whose action is alert. Allocated on each use.</summary>
    public IReadOnlyList<RuleEvaluation> Alerts => Collect(static r => r.Action == RiskAction.Alert);

    /// <summary>The failure reason (if any) then the reason of every breached rule. Allocated on first use.</summary>
    public IReadOnlyList<string> Reasons => _reasons ??= BuildReasons();

    private List<RuleEvaluation> Collect(Func<RuleEvaluation, bool> predicate)
    {
        var list = new List<RuleEvaluation>();
        for (var i = 0; i < Results.Count; i++)
        {
            var result = Results[i];
            if (result.IsBreached && predicate(result))
            {
                list.Add(result);
            }
        }

        return list;
    }

    private List<string> BuildReasons()
    {
        var reasons = new List<string>();
        if (FailureReason is not null)
        {
            reasons.Add(FailureReason);
        }

        foreach (var breach in Breaches)
        {
            reasons.Add(breach.Reason!);
        }

        return reasons;
    }
}
