namespace Handoff.Core.Devin;

/// <summary>A failed Devin API call: one-line message, exit code, HTTP status (null for network failures) and field errors.</summary>
public sealed class DevinApiException(string message, int exitCode, int? statusCode, IReadOnlyList<string>? fieldErrors = null, Exception? inner = null)
    : HandoffException(message, exitCode, inner)
{
    public int? StatusCode { get; } = statusCode;
    public IReadOnlyList<string> FieldErrors { get; } = fieldErrors ?? [];
}
