using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Commands.SetUpTotp;

/// <summary>Starts (or starts over) enrolling a TOTP authenticator for the caller; it is not enabled until confirmed with a code.</summary>
public sealed record SetUpTotpCommand : ICommand<TotpSetupResponse>, ISensitiveRequest;
