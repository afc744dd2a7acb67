namespace RiskPlatform.Application.Common.Authentication;

public enum PasswordCheck
{
    Failed,
    Succeeded,
    SucceededRehashNeeded,
}
