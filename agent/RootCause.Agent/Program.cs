using RootCause.Agent;

return await AgentCommand.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
