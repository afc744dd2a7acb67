using MediatR;
using RiskPlatform.Application.Auth.Commands.ChangeUserRole;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Api.Cli;

/// <summary>
/// <c>dotnet run --project src/Api -- users grant-admin EMAIL</c> and <c>users revoke-admin EMAIL</c>: the only way an account
/// becomes (or stops being) an admin. Each is one audited <see cref="ChangeUserRoleCommand"/>; the account's sessions take the
/// new role at their next refresh (within the access-token lifetime).
/// </summary>
public static class UsersCommandLine
{
    public const string Usage = "usage: users grant-admin EMAIL | users revoke-admin EMAIL";

    public static bool Matches(string[] args) =>
        args.Length >= 1 && string.Equals(args[0], "users", StringComparison.OrdinalIgnoreCase);

    /// <summary>Sends the command in a scope of its own. Used by the CLI and by the tests that need an admin.</summary>
    public static async Task<UserDto> ChangeRoleAsync(IServiceProvider services, string email, UserRole role, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ChangeUserRoleCommand(email, role), cancellationToken);
    }

    /// <summary>Prints what it did and returns the process exit code: 0 done, 1 refused or failed, 64 bad usage.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        UserRole? role = args.Length == 3 ? args[1].ToLowerInvariant() switch
        {
            "grant-admin" => UserRole.Admin,
            "revoke-admin" => UserRole.User,
            _ => null,
        } : null;
        if (role is null)
        {
            await error.WriteLineAsync(Usage);
            return 64;
        }

        var email = args[2];
        try
        {
            var user = await ChangeRoleAsync(services, email, role.Value, cancellationToken);
            await output.WriteLineAsync($"users {args[1]}: {user.Email} ({user.Id}) is now {user.Role.ToString().ToLowerInvariant()}.");
            return 0;
        }
        catch (NotFoundException)
        {
            await error.WriteLineAsync($"users {args[1]}: no account has the email {email}; it must register first.");
            return 1;
        }
        catch (ValidationException)
        {
            await error.WriteLineAsync($"users {args[1]}: '{email}' is not an email address.");
            return 1;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await error.WriteLineAsync($"users {args[1]} failed: {exception.Message}");
            return 1;
        }
    }
}
