using RootCause.Lab.Service;
using RootCause.Lab.Service.Roles;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(ServiceCommandLine.Usage);
    return 0;
}

var (options, error) = ServiceCommandLine.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync($"rootcause-lab-service: {error}");
    return 2;
}

return await RoleHost.RunAsync(options);
