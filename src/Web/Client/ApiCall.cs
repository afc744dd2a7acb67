namespace RiskPlatform.Web.Client;

/// <summary>How a page calls the API: a problem the service answered with comes back for the page to show, never thrown.</summary>
public static class ApiCall
{
    public static async Task<ApiProblemException?> TryAsync(Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call();
            return null;
        }
        catch (ApiProblemException problem)
        {
            return problem;
        }
    }
}
