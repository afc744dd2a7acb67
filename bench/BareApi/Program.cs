using System.Text.Json;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
var app = builder.Build();
var now = DateTime.UtcNow;
var rules = Enumerable.Range(1, 20).Select(i => new Rule(Guid.CreateVersion7(), $"order value {i}", "max_order_value", 1_000_000m + i, "dollars", "block", true, now, now)).ToArray();
app.MapGet("/rules", () => rules);
app.Run();

internal sealed record Rule(Guid Id, string Name, string RuleType, decimal ThresholdValue, string ThresholdUnit, string Action, bool IsActive, DateTime CreatedAt, DateTime UpdatedAt);
