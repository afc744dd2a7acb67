namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Account emails (verification links) handed to a background sender, so that the request that asked for one does not wait
/// for the mail server. Enqueue after the command has committed (<see cref="IAfterCommitActions"/>). Not durable: a mail
/// queued when the process stops is lost, and its user asks for another.
/// </summary>
public interface IAccountEmailOutbox
{
    void Enqueue(EmailMessage message);
}
