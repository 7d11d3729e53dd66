using Handoff.Cli;
using Handoff.Core.Git;

var services = AppServices.CreateDefault();
// libgit2's config search paths are process-wide: set them once, from this process's environment.
LibGit2Repositories.Configure(services.GitConfigFiles);
return await CliApp.Run(args, services);
