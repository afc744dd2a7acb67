using System.Globalization;
using System.Text;
using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Backtesting.Commands.SubmitBacktest;
using RiskPlatform.Application.Backtesting.Common;
using RiskPlatform.Application.Backtesting.Queries.GetBacktestJob;
using RiskPlatform.Application.Backtesting.Queries.RunBacktest;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Trading.Queries.TestRiskRules;

namespace RiskPlatform.Api.Endpoints;

/// <summary>
/// The rule backtester under /risk-rules, on literal routes so they never fall into the rules' /{id}. A small backtest is answered
/// in the request (200, the result); a large one, or one sent with <c>Prefer: respond-async</c>, is a job (202 with a Location to
/// poll). Either way nothing is written to the caller's account.
/// </summary>
internal sealed class Backtests : IEndpointGroup
{
    private const string JobsPath = "/api/v1/risk-rules/backtest";

    /// <summary>Bad CSV rows reported in one 400 at most.</summary>
    private const int MaxReportedCsvErrors = 50;

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("risk-rules", "Backtests").RequireAuthorization();
        group.MapPost("/backtest", RunBacktest)
            .Accepts<BacktestRequest>("application/json", "multipart/form-data")
            .Produces<BacktestResultDto>(StatusCodes.Status200OK)
            .Produces<BacktestJobDto>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .WithSummary("Replay orders over the stored daily bars with the caller's rules (or draft rules) and without them; writes nothing")
            .WithDescription("JSON {orders: [{date, symbol, side, qty, type, limit_price, strategy_id}], starting_cash (default 100000), from, to "
                + "(default: the first and last order dates), rules (draft rules in the creation shape; absent: your active rules)}, or "
                + "multipart/form-data with the file 'orders' (CSV: date, symbol, side, qty[, type, limit_price, strategy_id]) and the fields "
                + "starting_cash, from, to, rules (a JSON array). Limits: 10,000 orders, 500 symbols, 50 draft rules, 1,830 days, 1 MB. "
                + "Small runs answer 200 with the result; larger ones (or Prefer: respond-async) answer 202 with a Location to poll.")
            .RequireRateLimiting(RateLimits.RiskChecks);
        group.MapGet("/backtest/{id:guid}", GetBacktestJob)
            .WithDescription("A queued or finished backtest job: its status and, once done, the result of POST /risk-rules/backtest. 404 for another user's job.")
            .WithSummary("A backtest job: queued, running, succeeded (with its result) or failed; kept for a day after it ends")
            .RequireRateLimiting(RateLimits.RiskChecks);
    }

    public static async Task<IResult> RunBacktest(
        HttpRequest http,
        IMediator mediator,
        IBacktestOrderCsvReader csv,
        IOptions<BacktestOptions> options,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var request = http.HasFormContentType
            ? await ReadFormAsync(http, csv, json.Value.SerializerOptions, cancellationToken)
            : await ReadJsonAsync(http, json.Value.SerializerOptions, cancellationToken);

        if (PrefersAsync(http) || IsLarge(request, options.Value))
        {
            var job = await mediator.Send(SubmitBacktestCommand.Of(request), cancellationToken);
            return TypedResults.Accepted($"{JobsPath}/{job.Id}", job);
        }

        var result = await mediator.Send(RunBacktestQuery.Of(request), cancellationToken);
        return TypedResults.Text(BacktestJson.Serialize(result), "application/json", Encoding.UTF8, StatusCodes.Status200OK);
    }

    public static async Task<Ok<BacktestJobDto>> GetBacktestJob(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetBacktestJobQuery(id), cancellationToken));

    /// <summary>A job when the request asks for one, or when it is over the inline limits (orders, or symbols × days of range).</summary>
    private static bool IsLarge(BacktestRequest request, BacktestOptions options)
    {
        var orders = request.Orders?.Count ?? 0;
        if (orders > options.InlineMaxOrders)
        {
            return true;
        }

        return BacktestRange.Of(request) is { } range
            && range.From <= range.To
            && (long)BacktestRange.Symbols(request).Count * BacktestRange.Days(range) > options.InlineMaxSymbolDays;
    }

    private static bool PrefersAsync(HttpRequest http) =>
        http.Headers.TryGetValue("Prefer", out var values)
        && values.Any(v => v is not null && v.Contains("respond-async", StringComparison.OrdinalIgnoreCase));

    private static async Task<BacktestRequest> ReadJsonAsync(HttpRequest http, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        if (!http.HasJsonContentType())
        {
            throw new BadHttpRequestException("Send application/json, or multipart/form-data with an 'orders' CSV file.", StatusCodes.Status415UnsupportedMediaType);
        }

        try
        {
            return await http.ReadFromJsonAsync<BacktestRequest>(options, cancellationToken)
                ?? throw new ValidationException("body", "The body must be a JSON object.");
        }
        catch (JsonException exception)
        {
            throw new BadHttpRequestException("The request body is not valid JSON for this operation.", StatusCodes.Status400BadRequest, exception);
        }
    }

    /// <summary>multipart/form-data: the 'orders' CSV file, and the other fields as form fields (rules as a JSON array).</summary>
    private static async Task<BacktestRequest> ReadFormAsync(
        HttpRequest http, IBacktestOrderCsvReader csv, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        var form = await http.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("orders") ?? throw new ValidationException("orders", "Upload the orders as a CSV file in the form field 'orders'.");

        BacktestCsvOrders read;
        try
        {
            using var text = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            read = csv.Read(text);
        }
        catch (FormatException exception)
        {
            throw new ValidationException("orders", exception.Message);
        }

        if (read.Errors.Count > 0)
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["orders"] = [.. read.Errors.Take(MaxReportedCsvErrors).Select(e => string.Create(CultureInfo.InvariantCulture, $"line {e.Line}: {e.Message}"))],
            });
        }

        IReadOnlyList<DraftRiskRule>? rules = null;
        if (Field(form, "rules") is { } rulesJson)
        {
            try
            {
                rules = JsonSerializer.Deserialize<List<DraftRiskRule>>(rulesJson, options);
            }
            catch (JsonException)
            {
                throw new ValidationException("rules", "rules must be a JSON array of rules in the creation shape.");
            }
        }

        return new BacktestRequest(
            read.Orders,
            Field(form, "starting_cash") is { } cash
                ? decimal.TryParse(cash, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new ValidationException("starting_cash", $"'{cash}' is not a valid value for starting_cash.")
                : null,
            Date(form, "from"),
            Date(form, "to"),
            rules);
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.ToString() is { Length: > 0 } value ? value.Trim() : null;

    private static DateOnly? Date(IFormCollection form, string name) => Field(form, name) is { } text
        ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ValidationException(name, $"'{text}' is not a valid value for {name} (yyyy-MM-dd).")
        : null;
}
