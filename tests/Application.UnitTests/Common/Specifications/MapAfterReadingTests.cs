using Ardalis.Specification;
using RiskPlatform.Application.Common.Specifications;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.UnitTests.Common.Specifications;

/// <summary>
/// Mapping after reading and selecting in SQL exclude each other, whichever a specification sets first; mapping after
/// reading refuses a post-processing action it would not run.
/// </summary>
public sealed class MapAfterReadingTests
{
    [Fact]
    public void MapAfterReading_WhenTheSpecificationAlreadySelects_Throws()
    {
        var specification = new Specification<Notification, Guid>();
        specification.Query.Select(n => n.Id);

        var error = Assert.Throws<InvalidOperationException>(() => specification.Query.MapAfterReading());

        Assert.Contains("choose one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapsAfterReading_WhenASelectorWasSetAfterwards_Throws()
    {
        var specification = new Specification<Notification, Guid>();
        specification.Query.MapAfterReading();
        specification.Query.Select(n => n.Id);

        Assert.Throws<InvalidOperationException>(() => specification.MapsAfterReading());
    }

    [Fact]
    public void MapsAfterReading_WhenTheSpecificationPostProcessesItsResults_Throws()
    {
        var specification = new Specification<Notification, NotificationDto>();
        specification.Query.MapAfterReading();
        specification.Query.PostProcessingAction(dtos => dtos.Take(1));

        Assert.Throws<InvalidOperationException>(() => specification.MapsAfterReading());
    }

    [Fact]
    public void MapsAfterReading_IsTrueOnlyForASpecificationThatAskedForIt()
    {
        var inbox = new NotificationsForUserSpec(Guid.CreateVersion7(), null, null, null, null, 50, 0);
        var projected = new Specification<Notification, NotificationDto>();

        Assert.Equal((true, false), (inbox.MapsAfterReading(), projected.MapsAfterReading()));
    }
}
