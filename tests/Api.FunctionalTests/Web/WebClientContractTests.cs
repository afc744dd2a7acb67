using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Web.Client;

namespace RiskPlatform.Api.FunctionalTests.Web;

/// <summary>
/// The web app's client is written by hand against the OpenAPI document: every field it reads or sends must be a property of
/// the schema it stands for, and every value list its forms offer must be the enum the API accepts. A renamed or removed field,
/// or a new rule type, fails here before it fails in a browser.
/// </summary>
[Collection(nameof(SqliteCollection))]
public sealed class WebClientContractTests(SqliteApiFixture fixture) : FunctionalTest(fixture)
{
    public static TheoryData<Type, string> Models => new()
    {
        { typeof(RegisterRequest), "RegisterCommand" },
        { typeof(LoginRequest), "LoginCommand" },
        { typeof(RefreshRequest), "RefreshAccessTokenCommand" },
        { typeof(TokenPair), "TokenResponse" },
        { typeof(CurrentUser), "UserDto" },
        { typeof(PortfolioRisk), "PortfolioRiskDto" },
        { typeof(RuleUtilisation), "RuleUtilisationDto" },
        { typeof(TradingStateView), "TradingStateDto" },
        { typeof(EquityHistory), "EquityHistoryDto" },
        { typeof(EquityHistoryPoint), "EquityHistoryPointDto" },
        { typeof(HaltRequest), "HaltTradingCommand" },
        { typeof(RiskRule), "RiskRuleDto" },
        { typeof(RiskRuleParameters), "RiskRuleParams" },
        { typeof(RiskRuleRequest), "CreateRiskRuleCommand" },
        { typeof(RiskRuleRequest), "UpdateRiskRuleRequest" },
        { typeof(RiskRuleActivation), "UpdateRiskRuleRequest" },
        { typeof(RiskBreach), "RiskBreachDto" },
        { typeof(OrderRequest), "PlaceOrderCommand" },
        { typeof(RiskTestRequest), "TestRiskRulesQuery" },
        { typeof(RiskTestResult), "RiskTestResultDto" },
        { typeof(RiskTestBreach), "RiskTestBreachDto" },
        { typeof(MaxQuantityAnswer), "MaxQuantityDto" },
        { typeof(MfaVerifyRequest), "VerifyMfaCommand" },
        { typeof(TwoFactorStatus), "TwoFactorStatusDto" },
        { typeof(TotpSetup), "TotpSetupResponse" },
        { typeof(MfaProofAnswer), "MfaProofResponse" },
        { typeof(TotpCode), "ConfirmTotpCommand" },
        { typeof(TotpRecoveryCodes), "RecoveryCodesResponse" },
        { typeof(DisableTotpRequest), "DisableTotpCommand" },
        { typeof(Order), "OrderDto" },
        { typeof(BindingRule), "BindingRuleDto" },
        { typeof(RuleBreach), "RuleBreachDto" },
        { typeof(Notification), "NotificationDto" },
        { typeof(NotificationStats), "NotificationStatsDto" },
        { typeof(BrokerKey), "ApiKeyDto" },
        { typeof(BrokerKeyRequest), "CreateApiKeyCommand" },
        { typeof(BrokerKeyRotation), "RotateApiKeyCommand" },
        { typeof(BrokerKeyVerification), "ApiKeyVerificationDto" },
        { typeof(BrokerKeyAuditEntry), "ApiKeyAuditLogDto" },
        { typeof(TradingAccount), "TradingAccountDto" },
        { typeof(TradingAccountChoice), "SetTradingAccountCommand" },
        { typeof(NotificationBulkResult), "NotificationBulkResult" },
        { typeof(NotificationPreference), "NotificationPreferenceDto" },
        { typeof(NotificationPreferenceChange), "UpdateNotificationPreferenceCommand" },
        { typeof(ContactPoint), "ContactDto" },
        { typeof(ContactVerificationStart), "StartContactVerificationCommand" },
        { typeof(ContactVerificationConfirm), "ConfirmContactVerificationCommand" },
        { typeof(ContactVerification), "ContactVerificationDto" },
        { typeof(Webhook), "WebhookDto" },
        { typeof(WebhookRequest), "RegisterWebhookCommand" },
        { typeof(RegisteredWebhook), "RegisteredWebhookDto" },
        { typeof(RotatedWebhookSecret), "RotatedWebhookSecretDto" },
        { typeof(WebhookTest), "WebhookTestResultDto" },
        { typeof(PushSubscriptionRequest), "SubscribePushCommand" },
        { typeof(PushSubscriptionKeys), "PushSubscriptionKeys" },
        { typeof(PushSubscription), "PushSubscriptionDto" },
        { typeof(PushPublicKey), "PushPublicKeyDto" },
        { typeof(PushUnsubscribeRequest), "UnsubscribeRequest" },
        { typeof(BacktestResult), "BacktestResultDto" },
        { typeof(BacktestInputs), "BacktestInputsDto" },
        { typeof(BacktestRuleHits), "BacktestRuleDto" },
        { typeof(BacktestOrder), "BacktestOrderDto" },
        { typeof(BacktestBreach), "BacktestBreachDto" },
        { typeof(BacktestMonitorEvent), "BacktestMonitorEventDto" },
        { typeof(BacktestRun), "BacktestRunDto" },
        { typeof(BacktestCurvePoint), "BacktestCurvePointDto" },
        { typeof(BacktestJob), "BacktestJobDto" },
        { typeof(BacktestDraftRule), "DraftRiskRule" },
        { typeof(PortfolioAnalytics), "PortfolioAnalyticsDto" },
        { typeof(AnalyticsInputs), "AnalyticsInputsDto" },
        { typeof(PositionAnalytics), "PositionAnalyticsDto" },
        { typeof(CorrelationMatrix), "CorrelationMatrixDto" },
        { typeof(ValueAtRisk), "ValueAtRiskDto" },
        { typeof(VaRLevel), "VaRLevelDto" },
        { typeof(VaRContributor), "VaRContributorDto" },
        { typeof(SectorExposure), "SectorExposureDto" },
    };

    public static TheoryData<string, string> Catalogs => new()
    {
        { nameof(WireCatalog.RuleTypes), "RiskRuleType" },
        { nameof(WireCatalog.ThresholdUnits), "ThresholdUnit" },
        { nameof(WireCatalog.RiskActions), "RiskAction" },
        { nameof(WireCatalog.OrderSides), "OrderSide" },
        { nameof(WireCatalog.OrderTypes), "OrderType" },
        { nameof(WireCatalog.Brokers), "Broker" },
        { nameof(WireCatalog.NotificationTypes), "NotificationType" },
        { nameof(WireCatalog.NotificationPriorities), "NotificationPriority" },
        { nameof(WireCatalog.NotificationChannels), "NotificationChannel" },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public async Task ClientModel_EveryField_IsAPropertyOfItsSchema(Type model, string schema)
    {
        var unknown = FieldsMissingFrom(await SchemaAsync(schema), model);

        Assert.True(unknown.Count == 0, $"{model.Name} uses fields that {schema} does not have: {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(Catalogs))]
    public async Task FormChoices_AreExactlyTheValuesTheApiAccepts(string catalog, string schema)
    {
        var offered = (IReadOnlyList<string>)typeof(WireCatalog).GetField(catalog)!.GetValue(null)!;

        var accepted = (await SchemaAsync(schema))["enum"]!.AsArray().Select(value => value!.GetValue<string>());

        Assert.Equal(accepted.Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
    }

    /// <summary>Hub events are not in the OpenAPI document: the payload as the hub serializes it must fill the web app's record.</summary>
    [Fact]
    public void HubPayload_PortfolioMarked_FillsEveryFieldOfTheWebAppsRecord()
    {
        var at = new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
        var sent = new RiskPlatform.Application.Portfolio.Common.PortfolioMarkDto(
            98_500m, 99_000m, -1_500m, -1.5m, 1_500m, 1.5m, 100_000m, RiskPlatform.Domain.Portfolio.State.TradingState.Halted, "DAILY_LOSS", at);
        var hubOptions = new JsonSerializerOptions();
        RiskPlatform.Api.Infrastructure.JsonDefaults.Apply(hubOptions);

        var read = JsonSerializer.Deserialize<PortfolioMark>(JsonSerializer.Serialize(sent, hubOptions), WireJson.Options);

        Assert.Equal(new PortfolioMark(98_500m, 99_000m, -1_500m, -1.5m, 1_500m, 1.5m, 100_000m, "halted", "DAILY_LOSS", at), read);
    }

    [Fact]
    public async Task ContractCheck_WithAMisnamedField_FindsIt()
    {
        var unknown = FieldsMissingFrom(await SchemaAsync("PortfolioRiskDto"), typeof(MisnamedPortfolioRisk));

        Assert.Equal(["account_val"], unknown);
    }

    private async Task<JsonObject> SchemaAsync(string name)
    {
        var document = (await Anonymous().GetAsync("/openapi/v1.json")).EnsureStatus(HttpStatusCode.OK).Body!;
        return document["components"]!["schemas"]![name]?.AsObject() ?? throw new InvalidOperationException($"The OpenAPI document has no schema {name}.");
    }

    /// <summary>The wire names of the model's settable properties (what it reads or sends) that the schema lacks.</summary>
    private static List<string> FieldsMissingFrom(JsonObject schema, Type model)
    {
        var properties = schema["properties"]!.AsObject();
        return model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod is not null && property.Name != "EqualityContract")
            .Select(property => JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name))
            .Where(field => !properties.ContainsKey(field))
            .ToList();
    }

    private sealed record MisnamedPortfolioRisk(decimal AccountVal, decimal Cash);
}
