using Microsoft.Extensions.Options;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Infrastructure.Identity.CommonPasswords;

namespace RiskPlatform.Infrastructure.IntegrationTests.Identity;

public sealed class CommonPasswordListTests
{
    /// <summary>Openwall's password.lst (3,410 distinct entries ignoring case) and this project's additions (64 not in it).</summary>
    private const int ShippedDistinctEntries = 3_474;

    private static IReadOnlySet<string> Shipped => ShippedCommonPasswords.Passwords;

    [Fact]
    public void ShippedList_HoldsBothEmbeddedListsDistinctIgnoringCase()
    {
        Assert.Equal(ShippedDistinctEntries, ShippedCommonPasswords.Passwords.Count);
        Assert.Contains("sunflower", Shipped); // Openwall
        Assert.Contains("trading123", Shipped); // additions
    }

    [Fact]
    public void ShippedList_SkipsCommentsAndEmptyLines()
    {
        Assert.DoesNotContain(ShippedCommonPasswords.Passwords, p => p.StartsWith(ShippedCommonPasswords.CommentPrefix, StringComparison.Ordinal));
        Assert.DoesNotContain(string.Empty, Shipped);
        Assert.All(ShippedCommonPasswords.Passwords, p => Assert.Equal(p.Trim(), p));
    }

    [Theory]
    [InlineData("sunflower")]
    [InlineData("SunFlower")]
    [InlineData("BIRTHDAY")]
    public void Contains_APasswordOnTheShippedList_IgnoringCase(string password) =>
        Assert.True(new CommonPasswordList(Options.Create(new AccountOptions())).Contains(password));

    [Fact]
    public void Contains_AStrongPassword_IsFalse() =>
        Assert.False(new CommonPasswordList(Options.Create(new AccountOptions())).Contains("Correct-Horse-42"));

    [Fact]
    public void Contains_WithAnOperatorFile_AddsItsEntriesTrimmedAndSkipsItsComments()
    {
        var path = Path.Combine(Path.GetTempPath(), $"riskplatform-common-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path, ["#!comment: our own", "  Lantern-Zebra-93  ", "", "AcmeCorp2026"]);
        try
        {
            var list = new CommonPasswordList(Options.Create(new AccountOptions { CommonPasswordsFile = path }));

            Assert.True(list.Contains("lantern-zebra-93"));
            Assert.True(list.Contains("ACMECORP2026"));
            Assert.True(list.Contains("sunflower"));
            Assert.False(list.Contains("#!comment: our own"));
            Assert.False(new CommonPasswordList(Options.Create(new AccountOptions())).Contains("AcmeCorp2026"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_WhenTheOperatorFileIsMissing_FailsNamingTheSettingAndThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"riskplatform-missing-{Guid.NewGuid():N}.txt");

        var result = new CommonPasswordsFileValidator().Validate(null, new AccountOptions { CommonPasswordsFile = path });

        Assert.True(result.Failed);
        Assert.Contains("Accounts:CommonPasswordsFile", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(path, result.FailureMessage, StringComparison.Ordinal);
    }
}
