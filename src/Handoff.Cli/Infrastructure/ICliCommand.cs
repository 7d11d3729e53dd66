using System.CommandLine;

namespace Handoff.Cli;

/// <summary>One subcommand: builds its System.CommandLine definition and runs it.</summary>
public interface ICliCommand
{
    Command Build();
}
