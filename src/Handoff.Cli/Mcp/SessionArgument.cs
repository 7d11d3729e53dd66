using Handoff.Core.Following;

namespace Handoff.Cli.Mcp;

/// <summary>The <c>session</c> argument of the session tools: an id, its URL, or 'last'.</summary>
public static class SessionArgument
{
    public const string Name = "session";

    public static ToolParameter Parameter(bool required) => ToolParameter.Text(Name,
        "The session: devin-<id>, a bare id, its URL, or 'last' (the session the latest handoff from the repository created)" +
        (required ? "" : "; default: last"), required);

    /// <summary>The session's API id ('last' is read in <paramref name="folder"/>'s repository).</summary>
    public static string Resolve(ToolArguments arguments, string folder) =>
        SessionReference.Resolve(arguments.String(Name) ?? SessionReference.Last, folder);
}
