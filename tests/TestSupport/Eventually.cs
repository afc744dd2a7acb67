namespace RiskPlatform.TestSupport;

/// <summary>Polls a condition until it holds or a deadline passes: never a sleep that waits for luck.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        T last;
        do
        {
            last = await probe();
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Condition not met within the deadline{(because is null ? "." : $": {because}")} Last value: {last}");
    }
}
