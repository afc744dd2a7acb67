namespace RiskPlatform.Application.Common.Messaging;

/// <summary>Non-generic marker the behaviours test for: "is this request a command?"</summary>
public interface ICommandMarker;
