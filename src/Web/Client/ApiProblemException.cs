using System.Net;
using System.Text.Json;

namespace RiskPlatform.Web.Client;

/// <summary>
/// An RFC 9457 problem the API answered with, as the pages show it: the title and detail, the messages of each field it
/// names (<c>errors</c>, keyed by the snake_case field), and for a blocked order the rules that blocked it (<c>breaches</c>).
/// </summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException()
        : this(HttpStatusCode.InternalServerError, "The request failed.", null)
    {
    }

    public ApiProblemException(string message)
        : this(HttpStatusCode.InternalServerError, message, null)
    {
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Title = message;
    }

    public ApiProblemException(HttpStatusCode status, string title, string? detail)
        : base(detail ?? title)
    {
        Status = status;
        Title = title;
        Detail = detail;
    }

    public HttpStatusCode Status { get; }

    public string Title { get; }

    public string? Detail { get; }

    public string? Code { get; init; }

    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    public IReadOnlyList<RuleBreach> Breaches { get; init; } = [];

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The messages for one field (its wire name, e.g. <c>threshold_value</c>); none when the problem names it not.</summary>
    public IReadOnlyList<string> For(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>Reads a failed response: a problem document when there is one, the status line otherwise.</summary>
    public static async Task<ApiProblemException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement body;
        try
        {
            body = string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            body = default;
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return new ApiProblemException(response.StatusCode, $"The service answered {(int)response.StatusCode} {response.ReasonPhrase}.", null)
            {
                RetryAfter = retryAfter,
            };
        }

        return new ApiProblemException(response.StatusCode, String(body, "title") ?? "The request failed.", String(body, "detail"))
        {
            Code = String(body, "code"),
            Errors = body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                ? errors.Deserialize<Dictionary<string, string[]>>(WireJson.Options) ?? []
                : new Dictionary<string, string[]>(),
            Breaches = body.TryGetProperty("breaches", out var breaches) && breaches.ValueKind == JsonValueKind.Array
                ? breaches.Deserialize<List<RuleBreach>>(WireJson.Options) ?? []
                : [],
            RetryAfter = retryAfter,
        };
    }

    private static string? String(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
