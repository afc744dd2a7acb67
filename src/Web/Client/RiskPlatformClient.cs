using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using RiskPlatform.Web.Session;

namespace RiskPlatform.Web.Client;

/// <summary>
/// The service's public REST API (<c>/api/v1</c>) as the web app uses it, over HTTP like any other client. It signs every
/// request with the tab's access token, refreshes it shortly before it expires (and once more on a 401), and turns a failed
/// response into an <see cref="ApiProblemException"/>. A refresh the service refuses signs the tab out. A sensitive request the
/// service refuses with 403 <c>mfa.required</c> (an account with a second factor) asks the user for a code through
/// <see cref="MfaStepUpPrompt"/>, and goes once more with the proof; the proof is sent with every request while it lasts.
/// </summary>
public sealed class RiskPlatformClient(HttpClient http, ApiSession session, MfaStepUpPrompt stepUp, TimeProvider time)
{
    /// <summary>A token this close to its expiry is refreshed before it is used.</summary>
    internal static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    /// <summary>The header that carries the step-up proof (ADR 024).</summary>
    internal const string MfaProofHeader = "X-MFA-Proof";

    /// <summary>The problem code of a request that needs a recent second factor.</summary>
    internal const string MfaRequired = "mfa.required";

    public ApiSession Session => session;

    // ---- sign-in -------------------------------------------------------------------------------------------------------

    public Task<CurrentUser> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<CurrentUser>(HttpMethod.Post, "auth/register", request, authenticated: false, cancellationToken);

    /// <summary>
    /// Signs in with the password. An account with a second factor is not signed in yet: the outcome carries the challenge to
    /// answer with <see cref="VerifySecondFactorAsync"/>.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync<LoginAnswer>(HttpMethod.Post, "auth/login", new LoginRequest(email, password), authenticated: false, cancellationToken);
        if (answer.MfaRequired)
        {
            return new SignInOutcome(answer.ChallengeToken);
        }

        await session.SetAsync(Stored(email, new TokenPair(answer.AccessToken!, answer.RefreshToken!, answer.TokenType ?? "bearer", answer.ExpiresIn)));
        return new SignInOutcome(ChallengeToken: null);
    }

    /// <summary>Answers the sign-in's challenge with an authenticator code (or a recovery code) and keeps the session.</summary>
    public async Task VerifySecondFactorAsync(string email, string challengeToken, string code, CancellationToken cancellationToken = default)
    {
        var tokens = await SendAsync<TokenPair>(
            HttpMethod.Post, "auth/mfa/verify", new MfaVerifyRequest(challengeToken, code), authenticated: false, cancellationToken);
        await session.SetAsync(Stored(email, tokens));
    }

    /// <summary>Finds the session of an earlier page load; refreshes its token when it is about to expire.</summary>
    public async Task RestoreSessionAsync(CancellationToken cancellationToken = default)
    {
        if (await session.LoadAsync() is not null)
        {
            await AccessTokenAsync(cancellationToken);
        }
    }

    public async Task SignOutAsync(CancellationToken cancellationToken = default)
    {
        if (session.Current is { } current)
        {
            try
            {
                await SendAsync(HttpMethod.Post, "auth/logout", new RefreshRequest(current.RefreshToken), cancellationToken);
            }
            catch (ApiProblemException)
            {
                // Already invalid on the service: signing out here is all that is left to do.
            }
        }

        await session.ClearAsync();
    }

    /// <summary>Ends every sign-in of this account (all devices), then this tab's.</summary>
    public async Task SignOutEverywhereAsync(CancellationToken cancellationToken = default)
    {
        await SendAsync(HttpMethod.Post, "auth/logout-all", null, cancellationToken);
        await session.ClearAsync();
    }

    // ---- account security ----------------------------------------------------------------------------------------------

    public Task<CurrentUser> GetCurrentUserAsync(CancellationToken cancellationToken = default) =>
        SendAsync<CurrentUser>(HttpMethod.Get, "auth/me", null, authenticated: true, cancellationToken);

    /// <summary>Sends a new verification link to the account's email (202); 409 once verified.</summary>
    public Task ResendVerificationEmailAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "auth/resend-verification", null, cancellationToken);

    public Task<TwoFactorStatus> GetTwoFactorStatusAsync(CancellationToken cancellationToken = default) =>
        SendAsync<TwoFactorStatus>(HttpMethod.Get, "auth/mfa", null, authenticated: true, cancellationToken);

    public Task<TotpSetup> SetUpTotpAsync(CancellationToken cancellationToken = default) =>
        SendAsync<TotpSetup>(HttpMethod.Post, "auth/mfa/totp/setup", null, authenticated: true, cancellationToken);

    public Task<TotpRecoveryCodes> ConfirmTotpAsync(string code, CancellationToken cancellationToken = default) =>
        SendAsync<TotpRecoveryCodes>(HttpMethod.Post, "auth/mfa/totp/confirm", new TotpCode(code), authenticated: true, cancellationToken);

    public Task DisableTotpAsync(DisableTotpRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "auth/mfa/totp/disable", request, cancellationToken);

    /// <summary>
    /// Proves the second factor now (<c>POST /auth/mfa/step-up</c>) and keeps the proof in the session until it expires. A wrong
    /// code is the service's 401 <c>invalid_mfa_code</c>: thrown for the dialog to show, and it never signs the tab out (the
    /// access token was checked just before).
    /// </summary>
    public async Task StepUpAsync(string code, CancellationToken cancellationToken = default)
    {
        var token = await AccessTokenAsync(cancellationToken) ?? throw SignedOut();
        using var request = Request(HttpMethod.Post, "auth/mfa/step-up", new TotpCode(code), token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.ReadAsync(response, cancellationToken);
        }

        var proof = await ReadAsync<MfaProofAnswer>(response, cancellationToken);
        session.KeepMfaProof(new MfaProof(proof.MfaProof, time.GetUtcNow().AddSeconds(proof.ExpiresIn)));
    }

    /// <summary>A valid access token (refreshed first when it is about to expire); null when signed out.</summary>
    public async Task<string?> AccessTokenAsync(CancellationToken cancellationToken = default)
    {
        var current = session.Current;
        if (current is null)
        {
            return null;
        }

        return current.AccessTokenExpiresAt - time.GetUtcNow() > RefreshMargin
            ? current.AccessToken
            : await RefreshAsync(current.AccessToken, cancellationToken);
    }

    // ---- portfolio and trading state -----------------------------------------------------------------------------------

    public Task<PortfolioRisk> GetPortfolioRiskAsync(CancellationToken cancellationToken = default) =>
        SendAsync<PortfolioRisk>(HttpMethod.Get, "risk-rules/portfolio-risk", null, authenticated: true, cancellationToken);

    /// <summary>The last 24 hours of recorded equity, one point per the narrowest interval the service chooses.</summary>
    public Task<EquityHistory> GetEquityHistoryAsync(CancellationToken cancellationToken = default) =>
        SendAsync<EquityHistory>(HttpMethod.Get, "risk-rules/portfolio-risk/history", null, authenticated: true, cancellationToken);

    /// <summary>Volatility, beta, correlation, VaR and sector exposure from the stored daily bars; null arguments take the service's defaults.</summary>
    public Task<PortfolioAnalytics> GetPortfolioAnalyticsAsync(string? benchmark, int? lookbackDays, CancellationToken cancellationToken = default)
    {
        var query = string.Join('&', new[]
        {
            string.IsNullOrWhiteSpace(benchmark) ? null : $"benchmark={Uri.EscapeDataString(benchmark.Trim())}",
            lookbackDays is { } days ? $"lookback_days={days.ToString(CultureInfo.InvariantCulture)}" : null,
        }.OfType<string>());
        return SendAsync<PortfolioAnalytics>(
            HttpMethod.Get, "risk-rules/portfolio-risk/analytics" + (query.Length > 0 ? "?" + query : null), null, authenticated: true, cancellationToken);
    }

    /// <summary>
    /// A symbol's bars from <paramref name="from"/> to <paramref name="to"/> (New York dates, both included): <c>1d</c> daily bars,
    /// <c>1m</c> minute bars (at most 31 days apart).
    /// </summary>
    public Task<PriceBars> GetPriceBarsAsync(string symbol, string interval, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        SendAsync<PriceBars>(
            HttpMethod.Get,
            string.Create(CultureInfo.InvariantCulture, $"market/bars/{Uri.EscapeDataString(symbol.Trim())}?interval={interval}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"),
            null,
            authenticated: true,
            cancellationToken);

    public Task<TradingStateView> HaltTradingAsync(string? reason, CancellationToken cancellationToken = default) =>
        SendAsync<TradingStateView>(HttpMethod.Post, "trading/halt", new HaltRequest(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()), authenticated: true, cancellationToken);

    public Task<TradingStateView> ResumeTradingAsync(CancellationToken cancellationToken = default) =>
        SendAsync<TradingStateView>(HttpMethod.Post, "trading/resume", null, authenticated: true, cancellationToken);

    // ---- risk rules ----------------------------------------------------------------------------------------------------

    public Task<List<RiskRule>> ListRiskRulesAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<RiskRule>>(HttpMethod.Get, "risk-rules", null, authenticated: true, cancellationToken);

    public Task<RiskRule> GetRiskRuleAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<RiskRule>(HttpMethod.Get, $"risk-rules/{id}", null, authenticated: true, cancellationToken);

    /// <summary>One page of a rule's breaches, newest first, with their episodes.</summary>
    public Task<List<RiskBreach>> ListRiskRuleBreachesAsync(Guid id, int limit, int offset, CancellationToken cancellationToken = default) =>
        SendAsync<List<RiskBreach>>(HttpMethod.Get, $"risk-rules/{id}/breaches?limit={limit}&offset={offset}", null, authenticated: true, cancellationToken);

    public Task<RiskRule> CreateRiskRuleAsync(RiskRuleRequest rule, CancellationToken cancellationToken = default) =>
        SendAsync<RiskRule>(HttpMethod.Post, "risk-rules", rule, authenticated: true, cancellationToken);

    public Task<RiskRule> UpdateRiskRuleAsync(Guid id, RiskRuleRequest rule, CancellationToken cancellationToken = default) =>
        SendAsync<RiskRule>(HttpMethod.Put, $"risk-rules/{id}", rule, authenticated: true, cancellationToken);

    public Task<RiskRule> SetRiskRuleActiveAsync(Guid id, bool isActive, CancellationToken cancellationToken = default) =>
        SendAsync<RiskRule>(HttpMethod.Put, $"risk-rules/{id}", new RiskRuleActivation(isActive), authenticated: true, cancellationToken);

    public Task DeleteRiskRuleAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"risk-rules/{id}", null, cancellationToken);

    /// <summary>Replays the orders over stored daily bars with the caller's active rules (or the form's drafts) and without; nothing is written.</summary>
    public async Task<BacktestAnswer> RunBacktestAsync(BacktestForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        Func<HttpContent> upload = () =>
        {
            var content = new MultipartFormDataContent();
            content.Add(new StringContent(form.OrdersCsv), "orders", "orders.csv");
            AddField(content, "starting_cash", form.StartingCash?.ToString(CultureInfo.InvariantCulture));
            AddField(content, "from", form.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            AddField(content, "to", form.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            AddField(content, "rules", form.Rules is null ? null : JsonSerializer.Serialize(form.Rules, WireJson.Options));
            return content;
        };
        using var response = await ExchangeAsync(HttpMethod.Post, "risk-rules/backtest", upload, authenticated: true, cancellationToken);
        return response.StatusCode == HttpStatusCode.Accepted
            ? new BacktestAnswer(null, await ReadAsync<BacktestJob>(response, cancellationToken))
            : new BacktestAnswer(await ReadAsync<BacktestResult>(response, cancellationToken), null);

        static void AddField(MultipartFormDataContent content, string name, string? value)
        {
            if (value is not null)
            {
                content.Add(new StringContent(value), name);
            }
        }
    }

    public Task<BacktestJob> GetBacktestJobAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<BacktestJob>(HttpMethod.Get, $"risk-rules/backtest/{id}", null, authenticated: true, cancellationToken);

    // ---- orders --------------------------------------------------------------------------------------------------------

    /// <summary>Places an order; a blocked one throws an <see cref="ApiProblemException"/> (422) with the rules that blocked it.</summary>
    public Task<Order> PlaceOrderAsync(OrderRequest order, CancellationToken cancellationToken = default) =>
        SendAsync<Order>(HttpMethod.Post, "orders", order, authenticated: true, cancellationToken);

    /// <summary>Would this order pass? Judged like an order (trading state included); nothing is stored or sent.</summary>
    public Task<RiskTestResult> TestOrderAsync(RiskTestRequest order, CancellationToken cancellationToken = default) =>
        SendAsync<RiskTestResult>(HttpMethod.Post, "risk-rules/test", order, authenticated: true, cancellationToken);

    /// <summary>The largest quantity of <paramref name="symbol"/> an order on <paramref name="side"/> could have now.</summary>
    public Task<MaxQuantityAnswer> MaxQuantityAsync(string symbol, string side, CancellationToken cancellationToken = default) =>
        SendAsync<MaxQuantityAnswer>(
            HttpMethod.Get, $"risk-rules/max-quantity?symbol={Uri.EscapeDataString(symbol)}&side={Uri.EscapeDataString(side)}", null,
            authenticated: true, cancellationToken);

    public Task<List<Order>> ListOrdersAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<Order>>(HttpMethod.Get, "orders?limit=50", null, authenticated: true, cancellationToken);

    public Task<Order> CancelOrderAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<Order>(HttpMethod.Delete, $"orders/{id}", null, authenticated: true, cancellationToken);

    // ---- notifications -------------------------------------------------------------------------------------------------

    /// <summary>One page of the inbox, newest first: the notifications older than <paramref name="before"/> (a shown one's id).</summary>
    public Task<List<Notification>> ListNotificationsAsync(
        NotificationFilter filter, int limit, Guid? before = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new List<string> { $"limit={limit}" };
        if (filter.IsRead is { } isRead)
        {
            query.Add(isRead ? "is_read=true" : "is_read=false");
        }

        if (filter.Type is { Length: > 0 } type)
        {
            query.Add($"type={Uri.EscapeDataString(type)}");
        }

        if (filter.Priority is { Length: > 0 } priority)
        {
            query.Add($"priority={Uri.EscapeDataString(priority)}");
        }

        if (before is { } cursor)
        {
            query.Add($"before={cursor}");
        }

        return SendAsync<List<Notification>>(HttpMethod.Get, "notifications?" + string.Join('&', query), null, authenticated: true, cancellationToken);
    }

    /// <summary>Deletes the read notifications (unread ones stay).</summary>
    public Task<NotificationBulkResult> ClearReadNotificationsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<NotificationBulkResult>(HttpMethod.Delete, "notifications/clear-all", null, authenticated: true, cancellationToken);

    // ---- notification settings -----------------------------------------------------------------------------------------

    public Task<List<NotificationPreference>> ListNotificationPreferencesAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<NotificationPreference>>(HttpMethod.Get, "notifications/preferences", null, authenticated: true, cancellationToken);

    public Task<NotificationPreference> UpdateNotificationPreferenceAsync(
        Guid id, NotificationPreferenceChange change, CancellationToken cancellationToken = default) =>
        SendAsync<NotificationPreference>(HttpMethod.Put, $"notifications/preferences/{id}", change, authenticated: true, cancellationToken);

    public Task SetDefaultNotificationPreferencesAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "notifications/preferences/set-defaults", null, cancellationToken);

    public Task<List<ContactPoint>> ListContactPointsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<ContactPoint>>(HttpMethod.Get, "notifications/contacts", null, authenticated: true, cancellationToken);

    /// <summary>Sends a code to the address (or answers "verified" when it already is).</summary>
    public Task<ContactVerification> StartContactVerificationAsync(ContactVerificationStart start, CancellationToken cancellationToken = default) =>
        SendAsync<ContactVerification>(HttpMethod.Post, "notifications/contact-verifications", start, authenticated: true, cancellationToken);

    public Task<ContactPoint> ConfirmContactVerificationAsync(ContactVerificationConfirm confirm, CancellationToken cancellationToken = default) =>
        SendAsync<ContactPoint>(HttpMethod.Post, "notifications/contact-verifications/confirm", confirm, authenticated: true, cancellationToken);

    public Task DeleteContactPointAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"notifications/contacts/{id}", null, cancellationToken);

    public Task<List<Webhook>> ListWebhooksAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<Webhook>>(HttpMethod.Get, "notifications/webhooks", null, authenticated: true, cancellationToken);

    public Task<RegisteredWebhook> RegisterWebhookAsync(WebhookRequest webhook, CancellationToken cancellationToken = default) =>
        SendAsync<RegisteredWebhook>(HttpMethod.Post, "notifications/webhooks", webhook, authenticated: true, cancellationToken);

    public Task<RotatedWebhookSecret> RotateWebhookSecretAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<RotatedWebhookSecret>(HttpMethod.Post, $"notifications/webhooks/{id}/rotate-secret", null, authenticated: true, cancellationToken);

    /// <summary>Sends a signed test event to the endpoint now and says how it answered.</summary>
    public Task<WebhookTest> SendWebhookTestAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<WebhookTest>(HttpMethod.Post, $"notifications/webhooks/{id}/test", null, authenticated: true, cancellationToken);

    public Task DeleteWebhookAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"notifications/webhooks/{id}", null, cancellationToken);

    public Task<PushPublicKey> GetPushPublicKeyAsync(CancellationToken cancellationToken = default) =>
        SendAsync<PushPublicKey>(HttpMethod.Get, "notifications/push-subscriptions/vapid-public-key", null, authenticated: true, cancellationToken);

    public Task<List<PushSubscription>> ListPushSubscriptionsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<PushSubscription>>(HttpMethod.Get, "notifications/push-subscriptions", null, authenticated: true, cancellationToken);

    /// <summary>Registers a browser's subscription; the same endpoint again replaces its keys.</summary>
    public Task<PushSubscription> SubscribePushAsync(PushSubscriptionRequest subscription, CancellationToken cancellationToken = default) =>
        SendAsync<PushSubscription>(HttpMethod.Post, "notifications/push-subscriptions", subscription, authenticated: true, cancellationToken);

    /// <summary>Removes the subscription of this endpoint (what a browser knows of its own subscription).</summary>
    public Task UnsubscribePushAsync(string endpoint, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, "notifications/push-subscriptions", new PushUnsubscribeRequest(endpoint), cancellationToken);

    public Task DeletePushSubscriptionAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"notifications/push-subscriptions/{id}", null, cancellationToken);

    public Task<NotificationStats> GetNotificationStatsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<NotificationStats>(HttpMethod.Get, "notifications/stats", null, authenticated: true, cancellationToken);

    public Task MarkNotificationReadAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"notifications/{id}/read", null, cancellationToken);

    public Task MarkAllNotificationsReadAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, "notifications/mark-all-read", null, cancellationToken);

    public Task DeleteNotificationAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"notifications/{id}", null, cancellationToken);

    // ---- broker keys ---------------------------------------------------------------------------------------------------

    public Task<List<BrokerKey>> ListBrokerKeysAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<BrokerKey>>(HttpMethod.Get, "api-keys", null, authenticated: true, cancellationToken);

    public Task<BrokerKey> AddBrokerKeyAsync(BrokerKeyRequest key, CancellationToken cancellationToken = default) =>
        SendAsync<BrokerKey>(HttpMethod.Post, "api-keys", key, authenticated: true, cancellationToken);

    public Task<BrokerKey> RotateBrokerKeyAsync(Guid id, BrokerKeyRotation rotation, CancellationToken cancellationToken = default) =>
        SendAsync<BrokerKey>(HttpMethod.Post, $"api-keys/{id}/rotate", rotation, authenticated: true, cancellationToken);

    public Task<BrokerKeyVerification> VerifyBrokerKeyAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<BrokerKeyVerification>(HttpMethod.Post, $"api-keys/{id}/verify", null, authenticated: true, cancellationToken);

    public Task RevokeBrokerKeyAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api-keys/{id}", null, cancellationToken);

    /// <summary>The newest entries of a key's audit trail: created, used, verified, rotated, revoked, and failures.</summary>
    public Task<List<BrokerKeyAuditEntry>> ListBrokerKeyAuditAsync(Guid id, int limit, CancellationToken cancellationToken = default) =>
        SendAsync<List<BrokerKeyAuditEntry>>(HttpMethod.Get, $"api-keys/{id}/audit-logs?limit={limit}", null, authenticated: true, cancellationToken);

    public Task<TradingAccount> GetTradingAccountAsync(CancellationToken cancellationToken = default) =>
        SendAsync<TradingAccount>(HttpMethod.Get, "trading/account", null, authenticated: true, cancellationToken);

    public Task<TradingAccount> SetTradingAccountAsync(TradingAccountChoice choice, CancellationToken cancellationToken = default) =>
        SendAsync<TradingAccount>(HttpMethod.Put, "trading/account", choice, authenticated: true, cancellationToken);

    // ---- transport -----------------------------------------------------------------------------------------------------

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, bool authenticated, CancellationToken cancellationToken)
    {
        using var response = await ExchangeAsync(method, path, body, authenticated, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(WireJson.Options, cancellationToken)
            ?? throw new ApiProblemException(response.StatusCode, $"The service answered {response.RequestMessage?.RequestUri} with an empty body.", null);

    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await ExchangeAsync(method, path, body, authenticated: true, cancellationToken);
    }

    private async Task<HttpResponseMessage> ExchangeAsync(
        HttpMethod method, string path, object? body, bool authenticated, CancellationToken cancellationToken)
    {
        var proofSent = session.MfaProof;
        var response = await SignedExchangeAsync(method, path, body, authenticated, cancellationToken);
        if (authenticated && await NeedsStepUpAsync(response, cancellationToken))
        {
            // A sensitive operation of an account with a second factor: ask for a code, then go once more with the proof —
            // at once when another request of the tab got a new proof while this one was under way.
            response.Dispose();
            if (session.MfaProof == proofSent)
            {
                session.ForgetMfaProof();
                if (!await stepUp.AskAsync(cancellationToken))
                {
                    throw StepUpCancelled();
                }
            }

            response = await SignedExchangeAsync(method, path, body, authenticated, cancellationToken);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized && authenticated)
            {
                await session.ClearAsync();
            }

            throw await ApiProblemException.ReadAsync(response, cancellationToken);
        }
    }

    /// <summary>Sends with the tab's token (and step-up proof); a 401 refreshes the token once and sends again.</summary>
    private async Task<HttpResponseMessage> SignedExchangeAsync(
        HttpMethod method, string path, object? body, bool authenticated, CancellationToken cancellationToken)
    {
        var token = authenticated ? await AccessTokenAsync(cancellationToken) ?? throw SignedOut() : null;
        using var request = Request(method, path, body, token);
        var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null)
        {
            // Revoked or expired early (a restart with another signing key): one refresh, one retry.
            response.Dispose();
            var refreshed = await RefreshAsync(token, cancellationToken);
            using var retry = Request(method, path, body, refreshed);
            response = await http.SendAsync(retry, cancellationToken);
        }

        return response;
    }

    private static async Task<bool> NeedsStepUpAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.Forbidden)
        {
            return false;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken); // read again when it is thrown as the problem
        return (await ApiProblemException.ReadAsync(response, cancellationToken)).Code == MfaRequired;
    }

    /// <summary>Swaps the refresh token for new tokens, once per tab: a caller that waited finds the new token already there.</summary>
    private async Task<string> RefreshAsync(string staleAccessToken, CancellationToken cancellationToken)
    {
        await session.RefreshLock.WaitAsync(cancellationToken);
        try
        {
            var current = session.Current ?? throw SignedOut();
            if (current.AccessToken != staleAccessToken && current.AccessTokenExpiresAt - time.GetUtcNow() > RefreshMargin)
            {
                return current.AccessToken;
            }

            using var request = Request(HttpMethod.Post, "auth/refresh", new RefreshRequest(current.RefreshToken), null);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var problem = await ApiProblemException.ReadAsync(response, cancellationToken);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest)
                {
                    await session.ClearAsync();
                }

                throw problem;
            }

            var tokens = await response.Content.ReadFromJsonAsync<TokenPair>(WireJson.Options, cancellationToken)
                ?? throw new ApiProblemException(response.StatusCode, "The service answered the token refresh with an empty body.", null);
            await session.SetAsync(Stored(current.Email, tokens));
            return tokens.AccessToken;
        }
        finally
        {
            session.RefreshLock.Release();
        }
    }

    private StoredSession Stored(string email, TokenPair tokens) =>
        new(email, tokens.AccessToken, tokens.RefreshToken, time.GetUtcNow().AddSeconds(tokens.ExpiresIn));

    private HttpRequestMessage Request(HttpMethod method, string path, object? body, string? token)
    {
        var request = new HttpRequestMessage(method, new Uri("api/v1/" + path, UriKind.Relative));
        request.Content = body switch
        {
            null => null,
            Func<HttpContent> form => form(), // an upload, built anew for a retry (a sent request disposes its content)
            _ => JsonContent.Create(body, body.GetType(), options: WireJson.Options),
        };

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (session.MfaProofAt(time.GetUtcNow()) is { } proof)
            {
                request.Headers.Add(MfaProofHeader, proof);
            }
        }

        return request;
    }

    private static ApiProblemException StepUpCancelled() =>
        new(HttpStatusCode.Forbidden, "Not done: the code was not given.", "This action needs a code from your authenticator app (or a recovery code). Nothing was changed; try again when you have it.")
        {
            Code = "mfa.cancelled",
        };

    private static ApiProblemException SignedOut() =>
        new(HttpStatusCode.Unauthorized, "You are signed out.", "Sign in again to continue.") { Code = "signed_out" };
}
