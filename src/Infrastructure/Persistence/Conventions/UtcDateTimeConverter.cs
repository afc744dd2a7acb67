using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RiskPlatform.Infrastructure.Persistence.Conventions;

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
