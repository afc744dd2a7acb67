using FluentValidation.Results;

namespace RiskPlatform.Application.Common.Exceptions;

/// <summary>Input had the wrong shape. Keys are the snake_case JSON field names the client sent.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("One or more validation errors occurred.") => Errors = errors;

    public ValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public ValidationException(IEnumerable<ValidationFailure> failures)
        : this(failures
            .GroupBy(f => WireName.FromPropertyPath(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal))
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
