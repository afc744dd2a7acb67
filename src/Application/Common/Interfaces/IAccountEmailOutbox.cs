namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// The sender of the account emails (verification links) stored as <see cref="Domain.Users.PendingAccountEmail"/> rows. It polls for
/// due rows; <see cref="Wake"/>, called once a command that added one has committed, makes it look at once.
/// </summary>
public interface IAccountEmailOutbox
{
    void Wake();
}
