// Deliberately wrong: a record filed among the ports. Lives only in this test assembly.
namespace RiskPlatform.Architecture.Tests.Fixtures.Interfaces;

/// <summary>A port: belongs here.</summary>
public interface IAccountMailer
{
    Task SendAsync(AccountMessage message, CancellationToken cancellationToken);
}

/// <summary>A record the port uses: belongs beside it in a folder named for what it is, not among the interfaces.</summary>
public sealed record AccountMessage(string To, string Text);
