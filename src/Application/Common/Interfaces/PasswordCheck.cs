namespace RiskPlatform.Application.Common.Interfaces;

public enum PasswordCheck
{
    Failed,
    Succeeded,
    SucceededRehashNeeded,
}
