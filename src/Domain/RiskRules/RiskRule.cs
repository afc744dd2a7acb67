using System.Globalization;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.RiskRules.Events;

namespace RiskPlatform.Domain.RiskRules;

/// <summary>
/// A user's risk rule. Its scope is global, or narrowed to one strategy and/or a list of symbols (see <see cref="AppliesTo"/>);
/// for restricted_symbols the symbols are the restricted list itself. Invariants are enforced by <see cref="Create"/> and
/// <see cref="Update"/> against <see cref="RiskRuleCatalog"/>.
/// </summary>
public sealed class RiskRule : AggregateRoot, IAuditedEntity, IConcurrencyAware
{
    public const int NameMaxLength = 255;
    public const int SymbolMaxLength = 32;

    private List<string> _symbols = [];
    private List<string> _sectors = [];

    private RiskRule()
    {
    }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public RiskRuleType RuleType { get; private set; }

    public decimal ThresholdValue { get; private set; }

    public ThresholdUnit ThresholdUnit { get; private set; }

    public RiskAction Action { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Null: the rule applies to every strategy (and to orders without a strategy).</summary>
    public Guid? StrategyId { get; private set; }

    /// <summary>Upper-case, distinct. Empty: the rule applies to every symbol.</summary>
    public IReadOnlyList<string> Symbols => _symbols;

    /// <summary>The rolling window of an order_rate_limit rule, in seconds; null for every other type.</summary>
    public int? WindowSeconds { get; private set; }

    /// <summary>
    /// max_correlation's window of daily returns (<see cref="RiskRuleCatalog.MinLookbackDays"/> to
    /// <see cref="RiskRuleCatalog.MaxLookbackDays"/>); null: the default (<see cref="EffectiveLookbackDays"/>). Null for every other type.
    /// </summary>
    public int? LookbackDays { get; private set; }

    /// <summary>The window a max_correlation rule measures over: <see cref="LookbackDays"/>, or 60 by default.</summary>
    public int EffectiveLookbackDays => LookbackDays ?? RiskRuleCatalog.DefaultLookbackDays;

    /// <summary>
    /// The sectors a sector_limit rule is limited to (trimmed, distinct ignoring case; <c>unclassified</c> names the symbols without
    /// a sector). Empty: every sector. Always empty for other types.
    /// </summary>
    public IReadOnlyList<string> Sectors => _sectors;

    public int BreachCount { get; private set; }

    public DateTime? LastBreachAt { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    /// <summary>
    /// Creates a rule. Throws <see cref="DomainException"/> with a <see cref="RiskRuleErrors"/> code when an invariant fails.
    /// <paramref name="id"/> is for rules that are never stored (a backtest's drafts, which need a stable order); a new rule takes a UUID v7.
    /// </summary>
    public static RiskRule Create(
        Guid userId,
        string name,
        string? description,
        RiskRuleType ruleType,
        decimal thresholdValue,
        ThresholdUnit thresholdUnit,
        RiskAction action,
        bool isActive = true,
        Guid? strategyId = null,
        IEnumerable<string>? symbols = null,
        int? windowSeconds = null,
        Guid? id = null,
        int? lookbackDays = null,
        IEnumerable<string>? sectors = null)
    {
        var normalizedName = NormalizeName(name);
        var normalizedSymbols = NormalizeSymbols(symbols);
        var normalizedSectors = NormalizeSectors(sectors);
        Validate(ruleType, thresholdValue, thresholdUnit, action, normalizedSymbols, windowSeconds, lookbackDays, normalizedSectors);

        var rule = new RiskRule
        {
            UserId = userId,
            Name = normalizedName,
            Description = NormalizeDescription(description),
            RuleType = ruleType,
            ThresholdValue = thresholdValue,
            ThresholdUnit = thresholdUnit,
            Action = action,
            IsActive = isActive,
            StrategyId = strategyId,
            _symbols = normalizedSymbols,
            WindowSeconds = windowSeconds,
            LookbackDays = lookbackDays,
            _sectors = normalizedSectors,
        };
        if (id is { } given && given != Guid.Empty)
        {
            rule.Id = given;
        }

        return rule;
    }

    /// <summary>
    /// Applies a partial update after re-checking every invariant on the resulting rule (nothing changes if one fails).
    /// Changing the type to one that takes no window clears <see cref="WindowSeconds"/> unless the update sets it.
    /// Returns the changed fields with old and new values for the audit trail.
    /// </summary>
    public RiskRuleChangeSet Update(RiskRuleUpdate update)
    {
        var name = update.Name is null ? Name : NormalizeName(update.Name);
        var description = update.Description is null ? Description : NormalizeDescription(update.Description);
        var ruleType = update.RuleType ?? RuleType;
        var threshold = update.ThresholdValue ?? ThresholdValue;
        var unit = update.ThresholdUnit ?? ThresholdUnit;
        var action = update.Action ?? Action;
        var isActive = update.IsActive ?? IsActive;
        var strategyId = update.ClearStrategyId ? null : update.StrategyId ?? StrategyId;
        var symbols = update.Symbols is null ? _symbols : NormalizeSymbols(update.Symbols);
        var windowSeconds = update.WindowSeconds
            ?? (RiskRuleCatalog.RequiresWindowSeconds(ruleType) ? WindowSeconds : null);
        var lookbackDays = update.LookbackDays ?? (RiskRuleCatalog.AcceptsLookbackDays(ruleType) ? LookbackDays : null);
        var sectors = update.Sectors is not null
            ? NormalizeSectors(update.Sectors)
            : RiskRuleCatalog.AcceptsSectors(ruleType) ? _sectors : [];

        Validate(ruleType, threshold, unit, action, symbols, windowSeconds, lookbackDays, sectors);

        var changes = new List<RiskRuleFieldChange>();
        Track(changes, "name", Name, name);
        Track(changes, "description", Description ?? "null", description ?? "null");
        Track(changes, "rule_type", WireEnum.Name(RuleType), WireEnum.Name(ruleType));
        Track(changes, "threshold_value", Format(ThresholdValue), Format(threshold));
        Track(changes, "threshold_unit", WireEnum.Name(ThresholdUnit), WireEnum.Name(unit));
        Track(changes, "action", WireEnum.Name(Action), WireEnum.Name(action));
        Track(changes, "is_active", IsActive ? "true" : "false", isActive ? "true" : "false");
        Track(changes, "strategy_id", StrategyId?.ToString() ?? "null", strategyId?.ToString() ?? "null");
        Track(changes, "symbols", FormatSymbols(_symbols), FormatSymbols(symbols));
        Track(changes, "window_seconds", WindowSeconds?.ToString(CultureInfo.InvariantCulture) ?? "null", windowSeconds?.ToString(CultureInfo.InvariantCulture) ?? "null");
        Track(changes, "lookback_days", LookbackDays?.ToString(CultureInfo.InvariantCulture) ?? "null", lookbackDays?.ToString(CultureInfo.InvariantCulture) ?? "null");
        Track(changes, "sectors", FormatSymbols(_sectors), FormatSymbols(sectors));

        Name = name;
        Description = description;
        RuleType = ruleType;
        ThresholdValue = threshold;
        ThresholdUnit = unit;
        Action = action;
        IsActive = isActive;
        StrategyId = strategyId;
        _symbols = symbols;
        WindowSeconds = windowSeconds;
        LookbackDays = lookbackDays;
        _sectors = sectors;

        return new RiskRuleChangeSet(changes);
    }

    /// <summary>
    /// True when the rule governs an order for <paramref name="symbol"/> under <paramref name="strategyId"/>: the rule has no strategy
    /// or the same one, and it has no symbols or lists this symbol (case-insensitive).
    /// </summary>
    public bool AppliesTo(Guid? strategyId, string symbol)
    {
        if (StrategyId is { } own && own != strategyId)
        {
            return false;
        }

        return _symbols.Count == 0 || ListsSymbol(symbol);
    }

    /// <summary>True when the rule has no <see cref="Sectors"/> or names <paramref name="sectorBucket"/> (case-insensitive).</summary>
    public bool AppliesToSector(string sectorBucket)
    {
        if (_sectors.Count == 0)
        {
            return true;
        }

        foreach (var s in _sectors)
        {
            if (string.Equals(s, sectorBucket, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="symbol"/> is in <see cref="Symbols"/> (case-insensitive).</summary>
    public bool ListsSymbol(string symbol)
    {
        foreach (var s in _symbols)
        {
            if (string.Equals(s, symbol, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Records a breach of this rule as a <see cref="RiskBreach"/>, which raises <see cref="RiskRuleBreached"/>.
    /// <see cref="BreachCount"/> and <see cref="LastBreachAt"/> are advanced atomically in the database when the breach is saved,
    /// so concurrent orders never lose an increment and never conflict on this rule's concurrency stamp.
    /// </summary>
    public RiskBreach RecordBreach(
        decimal observed, decimal limit, string? symbol, Guid? orderId, string? reason, BreachSource source, DateTime occurredAt, Guid? episodeId = null) =>
        RiskBreach.Record(this, observed, limit, symbol, orderId, reason, source, occurredAt, episodeId);

    private static void Validate(
        RiskRuleType ruleType,
        decimal threshold,
        ThresholdUnit unit,
        RiskAction action,
        List<string> symbols,
        int? windowSeconds,
        int? lookbackDays,
        List<string> sectors)
    {
        if (!RiskRuleCatalog.IsKnown(ruleType))
        {
            throw new DomainException(RiskRuleErrors.TypeUnknown, "Unknown rule type.");
        }

        if (!RiskRuleCatalog.IsSupported(ruleType))
        {
            throw new DomainException(RiskRuleErrors.TypeUnsupported, $"Rule type '{WireEnum.Name(ruleType)}' is not supported.");
        }

        if (!RiskRuleCatalog.IsUnitAllowed(ruleType, unit))
        {
            throw new DomainException(
                RiskRuleErrors.UnitNotAllowed,
                $"Threshold unit '{WireEnum.Name(unit)}' does not fit rule type '{WireEnum.Name(ruleType)}'; allowed: {string.Join(", ", RiskRuleCatalog.AllowedUnits(ruleType).Select(WireEnum.Name))}.");
        }

        if (!RiskRuleCatalog.IsActionAllowed(ruleType, action))
        {
            throw new DomainException(
                RiskRuleErrors.ActionNotAllowed,
                $"Action '{WireEnum.Name(action)}' does not fit rule type '{WireEnum.Name(ruleType)}'; allowed: {string.Join(", ", RiskRuleCatalog.AllowedActions(ruleType).Select(WireEnum.Name))}.");
        }

        if (threshold <= 0)
        {
            throw new DomainException(RiskRuleErrors.ThresholdNotPositive, "Threshold value must be greater than zero.");
        }

        if (RiskRuleCatalog.MaxThreshold(ruleType, unit) is { } max && threshold > max)
        {
            throw new DomainException(RiskRuleErrors.ThresholdTooLarge, $"Threshold value must be at most {Format(max)} {WireEnum.Name(unit)}.");
        }

        if (RiskRuleCatalog.RequiresWholeThreshold(unit) && decimal.Truncate(threshold) != threshold)
        {
            throw new DomainException(RiskRuleErrors.ThresholdNotWhole, "A count threshold must be a whole number.");
        }

        if (RiskRuleCatalog.RequiresSymbols(ruleType) && symbols.Count == 0)
        {
            throw new DomainException(RiskRuleErrors.SymbolsRequired, $"Rule type '{WireEnum.Name(ruleType)}' needs at least one symbol.");
        }

        if (RiskRuleCatalog.RequiresWindowSeconds(ruleType))
        {
            if (windowSeconds is null)
            {
                throw new DomainException(RiskRuleErrors.WindowSecondsRequired, $"Rule type '{WireEnum.Name(ruleType)}' needs window_seconds.");
            }

            if (windowSeconds <= 0)
            {
                throw new DomainException(RiskRuleErrors.WindowSecondsInvalid, "window_seconds must be greater than zero.");
            }
        }
        else if (windowSeconds is not null)
        {
            throw new DomainException(RiskRuleErrors.WindowSecondsNotAllowed, $"Rule type '{WireEnum.Name(ruleType)}' takes no window_seconds.");
        }

        if (lookbackDays is { } lookback)
        {
            if (!RiskRuleCatalog.AcceptsLookbackDays(ruleType))
            {
                throw new DomainException(RiskRuleErrors.LookbackDaysNotAllowed, $"Rule type '{WireEnum.Name(ruleType)}' takes no lookback_days.");
            }

            if (lookback is < RiskRuleCatalog.MinLookbackDays or > RiskRuleCatalog.MaxLookbackDays)
            {
                throw new DomainException(
                    RiskRuleErrors.LookbackDaysInvalid,
                    $"lookback_days must be {RiskRuleCatalog.MinLookbackDays} to {RiskRuleCatalog.MaxLookbackDays} daily returns.");
            }
        }

        if (sectors.Count > 0 && !RiskRuleCatalog.AcceptsSectors(ruleType))
        {
            throw new DomainException(RiskRuleErrors.SectorsNotAllowed, $"Rule type '{WireEnum.Name(ruleType)}' takes no sectors.");
        }
    }

    private static string NormalizeName(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException(RiskRuleErrors.NameRequired, "Name is required.");
        }

        if (trimmed.Length > NameMaxLength)
        {
            throw new DomainException(RiskRuleErrors.NameTooLong, $"Name must be at most {NameMaxLength} characters.");
        }

        return trimmed;
    }

    private static string? NormalizeDescription(string? description) =>
        string.IsNullOrWhiteSpace(description) ? null : description.Trim();

    private static List<string> NormalizeSymbols(IEnumerable<string>? symbols)
    {
        var result = new List<string>();
        if (symbols is null)
        {
            return result;
        }

        foreach (var raw in symbols)
        {
            var symbol = raw?.Trim().ToUpperInvariant() ?? string.Empty;
            if (symbol.Length == 0 || symbol.Length > SymbolMaxLength || symbol.Any(char.IsWhiteSpace))
            {
                throw new DomainException(RiskRuleErrors.SymbolInvalid, $"Symbol '{raw}' is not valid (1-{SymbolMaxLength} characters, no spaces).");
            }

            if (!result.Contains(symbol, StringComparer.Ordinal))
            {
                result.Add(symbol);
            }
        }

        return result;
    }

    private static List<string> NormalizeSectors(IEnumerable<string>? sectors)
    {
        var result = new List<string>();
        foreach (var raw in sectors ?? [])
        {
            var sector = raw?.Trim() ?? string.Empty;
            if (sector.Length == 0 || sector.Length > RiskRuleCatalog.SectorMaxLength || sector.Any(char.IsControl))
            {
                throw new DomainException(
                    RiskRuleErrors.SectorInvalid, $"Sector '{raw}' is not valid (1-{RiskRuleCatalog.SectorMaxLength} characters).");
            }

            if (!result.Contains(sector, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(sector);
            }
        }

        if (result.Count > RiskRuleCatalog.MaxSectors)
        {
            throw new DomainException(RiskRuleErrors.SectorInvalid, $"A rule may name at most {RiskRuleCatalog.MaxSectors} sectors.");
        }

        return result;
    }

    private static void Track(List<RiskRuleFieldChange> changes, string field, string oldValue, string newValue)
    {
        if (!string.Equals(oldValue, newValue, StringComparison.Ordinal))
        {
            changes.Add(new RiskRuleFieldChange(field, oldValue, newValue));
        }
    }

    /// <summary>
    /// Without trailing zeros: a threshold read back from a decimal(28, 8) column carries scale 8, and 5.00000000 is the same value as 5
    /// (so it is neither reported as a change nor shown with eight zeros in the audit trail).
    /// </summary>
    private static string Format(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string FormatSymbols(List<string> symbols) => symbols.Count == 0 ? "[]" : $"[{string.Join(",", symbols)}]";
}
