using System.Text.Json.Nodes;

namespace Handoff.Core.Devin;

// Defaults are kept with `init => field = value ?? default`: generated JSON metadata (no reflection under
// Native AOT) sets every init-only property, passing null for a field the JSON lacks.

/// <summary>Create and full-replace (PUT) body of a playbook (devin-api.md §7).</summary>
public sealed record PlaybookRequest
{
    public required string Title { get; init; }
    public required string Body { get; init; }
    /// <summary>"!" followed by letters, digits, "_" or "-", e.g. "!deploy".</summary>
    public string? Macro { get; init; }
    public JsonNode? StructuredOutputSchema { get; init; }
}

public sealed record Playbook
{
    public string PlaybookId { get; init => field = value ?? ""; } = "";
    public string Title { get; init => field = value ?? ""; } = "";
    public string Body { get; init => field = value ?? ""; } = "";
    public string? Macro { get; init; }
    public string? AccessType { get; init; }
    public string? OrgId { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    /// <summary>Shape unconfirmed (id or object); kept as sent.</summary>
    public JsonNode? CreatedBy { get; init; }
    public JsonNode? UpdatedBy { get; init; }
    public JsonNode? StructuredOutputSchema { get; init; }
}
