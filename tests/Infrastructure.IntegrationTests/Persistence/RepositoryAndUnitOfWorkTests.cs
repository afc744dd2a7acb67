using Ardalis.Specification;
using Mapster;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

public abstract class RepositoryAndUnitOfWorkTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    public async ValueTask InitializeAsync() => await fixture.ResetAsync();

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Specification_FiltersOrdersPagesAndProjects()
    {
        await SaveAsync(Enumerable.Range(0, 5).Select(i => AuditLog.Record(
            null, $"Action{i}", "thing", null, AuditOutcome.Succeeded, null, null, null, null, i, Now.AddMinutes(i), null)).ToArray());
        await using var scope = fixture.Services.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IReadRepository<AuditLog>>();

        var page = await repository.ListAsync(new AuditLogsPage(skip: 1, take: 2), TestContext.Current.CancellationToken);

        Assert.Equal(["Action3", "Action2"], page.Select(a => a.Action));
        Assert.Equal(5, await repository.CountAsync(new AuditLogsPage(0, 100), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Specification_WithoutSelector_ProjectsThroughTheMappingConfiguration()
    {
        var user = User.Register("proj@example.com", "Projected", "hash", Now);
        await SaveAsync(user);
        await using var scope = fixture.Services.CreateAsyncScope();

        var dto = await scope.ServiceProvider.GetRequiredService<IReadRepository<User>>()
            .FirstOrDefaultAsync(new UserByIdSpec(user.Id), TestContext.Current.CancellationToken);

        Assert.NotNull(dto);
        Assert.Equal(("proj@example.com", "Projected", Now), (dto.Email, dto.FullName, dto.CreatedAt));
        Assert.Equal(DateTimeKind.Utc, dto.CreatedAt.Kind);
    }

    [Fact]
    public async Task InboxPage_MappedWithTheDtoConfiguration_EqualsTheProjectionInSql()
    {
        var user = User.Register("inbox@example.com", "Inbox", "hash", Now);
        var read = Notification.Create(new NewNotification(user.Id, NotificationType.RiskBreach, NotificationPriority.Urgent, "Limit", "Reached", """{"value":5.2}"""), Now);
        read.RecordDelivered(NotificationChannel.Email, Now.AddSeconds(1));
        read.MarkRead(Now.AddMinutes(1));
        var unread = Notification.Create(new NewNotification(user.Id, NotificationType.RiskBreach, NotificationPriority.Low, "Later", "Again", null), Now.AddMinutes(2));
        await SaveAsync(user, read, unread);
        await using var scope = fixture.Services.CreateAsyncScope();
        var mapping = scope.ServiceProvider.GetRequiredService<TypeAdapterConfig>();
        var repository = scope.ServiceProvider.GetRequiredService<IReadRepository<Notification>>();

        var page = await scope.ServiceProvider.GetRequiredService<INotificationInbox>()
            .PageAsync(user.Id, null, null, null, null, 10, 0, TestContext.Current.CancellationToken);
        var projected = await repository.ListAsync(new NotificationsProjectedInSql(user.Id), TestContext.Current.CancellationToken);

        Assert.Equal([unread.Id, read.Id], page.Select(n => n.Id));
        Assert.Equivalent(projected, page.Select(n => n.Adapt<Notification, NotificationDto>(mapping)).ToList(), strict: true);
    }

    [Fact]
    public async Task Save_WhenAUniqueIndexIsViolated_ThrowsConflict()
    {
        await SaveAsync(User.Register("twin@example.com", "One", "hash", Now));

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => SaveAsync(User.Register("TWIN@example.com", "Two", "hash", Now)));

        Assert.Equal("duplicate", conflict.Code);
    }

    [Fact]
    public async Task Save_WhenAnotherRequestUpdatedTheRowFirst_ThrowsConcurrencyConflict()
    {
        var user = User.Register("race@example.com", "Racer", "hash", Now);
        await SaveAsync(user);
        await using var first = fixture.Services.CreateAsyncScope();
        await using var second = fixture.Services.CreateAsyncScope();
        var firstCopy = await Load(first, user.Id);
        var secondCopy = await Load(second, user.Id);

        firstCopy.RecordLogin(Now.AddMinutes(1));
        await first.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(TestContext.Current.CancellationToken);
        secondCopy.RecordLogin(Now.AddMinutes(2));
        var conflict = await Assert.ThrowsAsync<ConflictException>(
            () => second.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(TestContext.Current.CancellationToken));

        Assert.Equal("concurrency_conflict", conflict.Code);
    }

    [Fact]
    public async Task Save_OfAModifiedRow_WritesItsNewUpdatedAtAndConcurrencyStamp_ThoughTheSaveDetectsChangesOnlyOnce()
    {
        var user = User.Register("stamps@example.com", "Stamped", "hash", Now);
        await SaveAsync(user);
        Guid stampBefore;
        DateTime updatedBefore;
        await using (var read = fixture.Services.CreateAsyncScope())
        {
            var stored = await Load(read, user.Id);
            (stampBefore, updatedBefore) = (stored.ConcurrencyStamp, stored.UpdatedAt);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(5), TestContext.Current.CancellationToken);
        await using (var change = fixture.Services.CreateAsyncScope())
        {
            (await Load(change, user.Id)).RecordLogin(Now.AddMinutes(1));
            await change.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var check = fixture.Services.CreateAsyncScope();
        var saved = await Load(check, user.Id);
        Assert.NotEqual(stampBefore, saved.ConcurrencyStamp);
        Assert.True(saved.UpdatedAt > updatedBefore, $"UpdatedAt {saved.UpdatedAt:O} should be after {updatedBefore:O}");
        Assert.Equal(Now.AddMinutes(1), saved.LastLogin);
    }

    [Fact]
    public async Task Transaction_RolledBack_LeavesNothingBehind()
    {
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            await using var transaction = await unitOfWork.BeginTransactionAsync(TestContext.Current.CancellationToken);
            scope.ServiceProvider.GetRequiredService<IRepository<User>>().Add(User.Register("ghost@example.com", "Ghost", "hash", Now));
            await unitOfWork.SaveChangesAsync(TestContext.Current.CancellationToken);
            await transaction.RollbackAsync(TestContext.Current.CancellationToken);
        }

        await using var check = fixture.Services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<IReadRepository<User>>()
            .AnyAsync(new UserByEmailSpec("ghost@example.com"), TestContext.Current.CancellationToken));
    }

    private static async Task<User> Load(AsyncServiceScope scope, Guid id) =>
        (await scope.ServiceProvider.GetRequiredService<IRepository<User>>().FirstOrDefaultAsync(new UserByIdTracked(id), TestContext.Current.CancellationToken))!;

    private async Task SaveAsync(params IAggregateRoot[] aggregates)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        foreach (var aggregate in aggregates)
        {
            switch (aggregate)
            {
                case User user:
                    scope.ServiceProvider.GetRequiredService<IRepository<User>>().Add(user);
                    break;
                case AuditLog log:
                    scope.ServiceProvider.GetRequiredService<IRepository<AuditLog>>().Add(log);
                    break;
                case Notification notification:
                    scope.ServiceProvider.GetRequiredService<IRepository<Notification>>().Add(notification);
                    break;
            }
        }

        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private sealed class AuditLogsPage : Specification<AuditLog>
    {
        public AuditLogsPage(int skip, int take) => Query.Where(a => a.ResourceType == "thing").OrderByDescending(a => a.Timestamp).Skip(skip).Take(take);
    }

    /// <summary>The inbox's order, projected with the DTO's Mapster configuration in SQL (what the list endpoint returned before it mapped the compiled query's rows in memory).</summary>
    private sealed class NotificationsProjectedInSql : Specification<Notification, NotificationDto>
    {
        public NotificationsProjectedInSql(Guid userId) =>
            Query.Where(n => n.UserId == userId).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id);
    }

    private sealed class UserByIdTracked : Specification<User>
    {
        public UserByIdTracked(Guid id) => Query.Where(u => u.Id == id);
    }
}

[Collection(nameof(SqliteDatabaseCollection))]
public sealed class RepositoryAndUnitOfWorkTestsOnSqlite(SqliteDatabaseFixture fixture) : RepositoryAndUnitOfWorkTests(fixture);

[Collection(nameof(PostgresDatabaseCollection))]
public sealed class RepositoryAndUnitOfWorkTestsOnPostgres(PostgresDatabaseFixture fixture) : RepositoryAndUnitOfWorkTests(fixture);
