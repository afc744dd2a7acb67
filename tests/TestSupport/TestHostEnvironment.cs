using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace RiskPlatform.TestSupport;

/// <summary>The host environment of tests that wire the service's registrations without a host: "Testing", no content files.</summary>
public sealed class TestHostEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Testing";

    public string ApplicationName { get; set; } = "RiskPlatform.Tests";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
