namespace RiskPlatform.Domain.Common;

/// <summary>An entity whose updates can race: the persistence layer renews <see cref="ConcurrencyStamp"/> on every update and checks it.</summary>
public interface IConcurrencyAware
{
    Guid ConcurrencyStamp { get; set; }
}
