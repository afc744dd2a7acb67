using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Domain.Common;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// The one place exceptions become HTTP: RFC 9457 problems with a trace id. Bad input is always a 4xx naming the field;
/// a database that cannot be reached is a 503 <c>database_unavailable</c> with Retry-After (<see cref="DatabaseUnavailable"/>,
/// wherever the failure surfaced: a query, a save, a commit, the audit row); anything unexpected is a 500 without internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception, httpContext);
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Map(Exception exception, HttpContext httpContext) => exception switch
    {
        ValidationException validation => new ValidationProblemDetails(validation.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        },
        BadHttpRequestException badRequest => FromBadRequest(badRequest),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found.", notFound.Message, "not_found"),
        UnauthorizedException unauthorized => Problem(StatusCodes.Status401Unauthorized, "Unauthorized.", unauthorized.Message, unauthorized.Code),
        ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, "Forbidden.", forbidden.Message, forbidden.Code),
        TooManyRequestsException throttled => Throttled(throttled, httpContext),
        ServiceUnavailableException unavailable => Unavailable(unavailable, httpContext),
        ConflictException conflict => Problem(StatusCodes.Status409Conflict, "Conflict.", conflict.Message, conflict.Code),
        RefusedException refused => WithExtensions(
            Problem(StatusCodes.Status422UnprocessableEntity, refused.Title, refused.Message, refused.Code), refused.Extensions),
        DomainException domain => Problem(StatusCodes.Status422UnprocessableEntity, "The request was refused.", domain.Message, domain.Code),
        _ when DatabaseUnavailable.Translate(exception) is { } databaseDown => Unavailable(databaseDown, httpContext),
        _ => Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred.", null, "internal_error"),
    };

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", "Request bodies are limited to 1 MB.", "payload_too_large");
        }

        if (exception.InnerException is JsonException json)
        {
            var field = FieldFromJsonPath(json.Path);
            return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [JsonMessage(json, field)] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body is not valid JSON for this operation.",
            };
        }

        var parameter = BindFailure().Match(exception.Message);
        if (parameter.Success)
        {
            var name = SnakeCase.Of(parameter.Groups["name"].Value);
            return new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                [name] = [string.Create(CultureInfo.InvariantCulture, $"'{parameter.Groups["value"].Value}' is not a valid value for {name}.")],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more fields are invalid.",
            };
        }

        return Problem(exception.StatusCode, "Bad request.", exception.Message, "bad_request");
    }

    private static string FieldFromJsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Replace("['", ".", StringComparison.Ordinal).Replace("']", string.Empty, StringComparison.Ordinal).TrimStart('.');
    }

    private static string JsonMessage(JsonException exception, string field) =>
        field == "body" ? "The body is not valid JSON." : $"The value of {field} is not valid for its type or allowed values.";

    private static ProblemDetails Throttled(TooManyRequestsException exception, HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds(exception.RetryAfter);
        return Problem(StatusCodes.Status429TooManyRequests, "Too many requests.", exception.Message, exception.Code);
    }

    private static ProblemDetails Unavailable(ServiceUnavailableException exception, HttpContext httpContext)
    {
        if (exception.RetryAfter is { } retryAfter)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds(retryAfter);
        }

        return Problem(StatusCodes.Status503ServiceUnavailable, "A dependency is unavailable.", exception.Message, exception.Code);
    }

    internal static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static ProblemDetails Problem(int status, string title, string? detail, string code)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        return problem;
    }

    private static ProblemDetails WithExtensions(ProblemDetails problem, IReadOnlyDictionary<string, object?> extensions)
    {
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    [GeneratedRegex("""Failed to bind parameter "(?:[^"]*\s)?(?<name>[A-Za-z0-9_]+)" from "(?<value>[^"]*)"\.""")]
    private static partial Regex BindFailure();
}
