namespace RiskPlatform.Application.Common.Webhooks;

public enum WebhookSendOutcome
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Any other answer, a timeout or a connection failure: worth retrying.</summary>
    Failed,

    /// <summary>The address was refused by the request-forgery guard at send time (e.g. the name now resolves to a private address).</summary>
    Refused,
}
