namespace RiskPlatform.Domain.Notifications;

/// <summary>Priority mappings for notifications raised by other features.</summary>
public static class NotificationPriorities
{
    /// <summary>
    /// The priority of a risk-breach notification from the rule's action: <c>alert</c> → medium; <c>block</c>,
    /// <c>reduce_size</c> → high; <c>close_position</c>, <c>close_all</c> and any halt (<c>halt</c>, <c>halt_trading</c>,
    /// <c>halt_strategy</c>, …) → urgent. Accepts snake_case or PascalCase (<c>RiskAction.CloseAll.ToString()</c>),
    /// case-insensitive. An unknown action maps to high: a breach is never mailed less urgently than a block.
    /// </summary>
    public static NotificationPriority ForRiskAction(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var key = new string([.. action.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
        return key switch
        {
            "alert" => NotificationPriority.Medium,
            "block" or "reducesize" => NotificationPriority.High,
            "closeposition" or "closeall" => NotificationPriority.Urgent,
            _ when key.Contains("halt", StringComparison.Ordinal) => NotificationPriority.Urgent,
            _ => NotificationPriority.High,
        };
    }
}
