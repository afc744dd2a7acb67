using Npgsql;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

public sealed class PostgreSqlConnectionDefaultsTests
{
    [Fact]
    public void WithPostgreSqlDefaults_WhenTheConnectionStringSetsNeither_TurnsOnAutoPrepare()
    {
        var settings = new NpgsqlConnectionStringBuilder(
            DbContextOptionsFactory.WithPostgreSqlDefaults("Host=db;Database=rp;Username=rp;Password=secret;Maximum Pool Size=7"));

        Assert.Equal((64, 2), (settings.MaxAutoPrepare, settings.AutoPrepareMinUsages));
        Assert.Equal(("db", "rp", "rp", "secret", 7), (settings.Host, settings.Database, settings.Username, settings.Password, settings.MaxPoolSize));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0, 2)]
    [InlineData("Host=db;maxautoprepare=10;Auto Prepare Min Usages=9", 10, 9)]
    [InlineData("Host=db;AutoPrepareMinUsages=5", 64, 5)]
    public void WithPostgreSqlDefaults_KeepsWhatTheConnectionStringSets(string connectionString, int maxAutoPrepare, int minUsages)
    {
        var settings = new NpgsqlConnectionStringBuilder(DbContextOptionsFactory.WithPostgreSqlDefaults(connectionString));

        Assert.Equal((maxAutoPrepare, minUsages), (settings.MaxAutoPrepare, settings.AutoPrepareMinUsages));
    }
}
