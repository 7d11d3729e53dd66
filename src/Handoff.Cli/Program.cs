using Handoff.Cli;

return await CliApp.Run(args, AppServices.CreateDefault());
