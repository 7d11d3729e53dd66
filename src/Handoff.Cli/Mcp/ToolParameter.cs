namespace Handoff.Cli.Mcp;

/// <summary>The JSON type of a tool argument.</summary>
public enum ParameterKind
{
    String,
    Boolean,
    Integer,
    StringArray,
}

/// <summary>
/// One argument of a tool: its name, JSON type, description and limits. A tool's parameters are the one source of
/// both its published input schema (<see cref="ToolInput.Schema"/>) and the checks its arguments go through
/// (<see cref="ToolInput.Parse"/>), so the two cannot drift apart.
/// </summary>
public sealed record ToolParameter(string Name, ParameterKind Kind, string Description)
{
    public bool Required { get; init; }

    /// <summary>For strings: the only values accepted (a JSON schema enum).</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>For integers: the inclusive bounds.</summary>
    public long? Minimum { get; init; }
    public long? Maximum { get; init; }

    public static ToolParameter Text(string name, string description, bool required = false) =>
        new(name, ParameterKind.String, description) { Required = required };

    public static ToolParameter OneOf(string name, string description, params string[] values) =>
        new(name, ParameterKind.String, description) { AllowedValues = values };

    public static ToolParameter Flag(string name, string description) => new(name, ParameterKind.Boolean, description);

    public static ToolParameter Number(string name, string description, long minimum, long maximum) =>
        new(name, ParameterKind.Integer, description) { Minimum = minimum, Maximum = maximum };

    public static ToolParameter Texts(string name, string description) => new(name, ParameterKind.StringArray, description);
}
