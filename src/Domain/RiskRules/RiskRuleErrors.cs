namespace RiskPlatform.Domain.RiskRules;

/// <summary>Stable codes of the <see cref="Common.DomainException"/>s thrown by <see cref="RiskRule"/>.</summary>
public static class RiskRuleErrors
{
    public const string NameRequired = "RISK_RULE_NAME_REQUIRED";
    public const string NameTooLong = "RISK_RULE_NAME_TOO_LONG";
    public const string TypeUnknown = "RISK_RULE_TYPE_UNKNOWN";
    public const string TypeUnsupported = "RISK_RULE_TYPE_UNSUPPORTED";
    public const string ThresholdNotPositive = "RISK_RULE_THRESHOLD_NOT_POSITIVE";
    public const string ThresholdTooLarge = "RISK_RULE_THRESHOLD_TOO_LARGE";
    public const string ThresholdNotWhole = "RISK_RULE_THRESHOLD_NOT_WHOLE";
    public const string UnitNotAllowed = "RISK_RULE_UNIT_NOT_ALLOWED";
    public const string ActionNotAllowed = "RISK_RULE_ACTION_NOT_ALLOWED";
    public const string SymbolsRequired = "RISK_RULE_SYMBOLS_REQUIRED";
    public const string SymbolInvalid = "RISK_RULE_SYMBOL_INVALID";
    public const string WindowSecondsRequired = "RISK_RULE_WINDOW_SECONDS_REQUIRED";
    public const string WindowSecondsInvalid = "RISK_RULE_WINDOW_SECONDS_INVALID";
    public const string WindowSecondsNotAllowed = "RISK_RULE_WINDOW_SECONDS_NOT_ALLOWED";
    public const string LookbackDaysInvalid = "RISK_RULE_LOOKBACK_DAYS_INVALID";
    public const string LookbackDaysNotAllowed = "RISK_RULE_LOOKBACK_DAYS_NOT_ALLOWED";
    public const string SectorInvalid = "RISK_RULE_SECTOR_INVALID";
    public const string SectorsNotAllowed = "RISK_RULE_SECTORS_NOT_ALLOWED";
}
