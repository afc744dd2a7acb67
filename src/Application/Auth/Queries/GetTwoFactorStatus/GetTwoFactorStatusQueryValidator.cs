using FluentValidation;

namespace RiskPlatform.Application.Auth.Queries.GetTwoFactorStatus;

/// <summary>The query carries no input; the validator exists so every request has one.</summary>
internal sealed class GetTwoFactorStatusQueryValidator : AbstractValidator<GetTwoFactorStatusQuery>;
