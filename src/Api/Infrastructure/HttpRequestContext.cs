using System.Diagnostics;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Api.Infrastructure;

internal sealed class HttpRequestContext(IHttpContextAccessor accessor) : IRequestContext
{
    /// <summary>The header carrying a step-up proof (<c>POST /auth/mfa/step-up</c>) to commands that need a recent second factor.</summary>
    public const string MfaProofHeader = "X-MFA-Proof";

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public string? UserAgent => accessor.HttpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null;

    public string? MfaProof => accessor.HttpContext?.Request.Headers[MfaProofHeader].ToString() is { Length: > 0 } proof ? proof : null;

    public string? TraceId => Activity.Current?.TraceId.ToString() ?? accessor.HttpContext?.TraceIdentifier;
}
