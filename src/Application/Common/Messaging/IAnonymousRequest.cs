namespace RiskPlatform.Application.Common.Messaging;

/// <summary>Marks a request that may run without a signed-in user (register, login, refresh).</summary>
public interface IAnonymousRequest;
