using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.RiskRules.Specifications;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Api.FunctionalTests.RiskRules;

/// <summary>Helpers for the risk-rule tests: JSON bodies written with single quotes, rule creation, breaches seeded through the domain.</summary>
internal static class RiskRuleApi
{
    public const string RulesPath = "/api/v1/risk-rules";

    /// <summary>JSON written with single quotes for readability in attributes: <c>{'name':'x'}</c>.</summary>
    public static string Json(string singleQuoted) => singleQuoted.Replace('\'', '"');

    public static async Task<JsonNode> CreateAsync(ApiClient client, string singleQuotedBody)
    {
        var created = await client.PostRawAsync(RulesPath, Json(singleQuotedBody));
        created.EnsureStatus(HttpStatusCode.Created);
        return created.Body!;
    }

    public static Task<JsonNode> CreateDailyLossAsync(ApiClient client, string name = "Daily loss") =>
        CreateAsync(client, $"{{'name':'{name}','rule_type':'max_daily_loss','threshold_value':5}}");

    public static Task<ApiResponse> PutRawAsync(ApiClient client, string path, string singleQuotedBody) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Put, path)
        {
            Content = new StringContent(Json(singleQuotedBody), System.Text.Encoding.UTF8, "application/json"),
        });

    /// <summary>Records breaches of a rule the way the engine's callers do: through the aggregate, saved in one unit of work.</summary>
    public static async Task RecordBreachesAsync(ApiFixture fixture, Guid ruleId, params DateTime[] occurredAt)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var rule = await services.GetRequiredService<IReadRepository<RiskRule>>().FirstOrDefaultAsync(new RiskRuleByIdSpec(ruleId), CancellationToken.None);
        var unitOfWork = services.GetRequiredService<IUnitOfWork>();
        await using var transaction = await unitOfWork.BeginTransactionAsync(CancellationToken.None);
        var breaches = services.GetRequiredService<IRepository<RiskBreach>>();
        for (var i = 0; i < occurredAt.Length; i++)
        {
            breaches.Add(rule!.RecordBreach(
                observed: 6m + i, limit: 5m, symbol: "aapl", orderId: Guid.CreateVersion7(), reason: $"MAX_DAILY_LOSS_EXCEEDED: #{i}",
                BreachSource.PreTrade, occurredAt[i]));
        }

        await unitOfWork.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }
}
