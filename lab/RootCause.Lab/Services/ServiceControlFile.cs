using System.Text.Json;

namespace RootCause.Lab;

/// <summary>
/// One service's control file: the lab writes it atomically (a temp file renamed over it) and the service re-reads
/// it when its modification time changes.
/// </summary>
internal sealed class ServiceControlFile
{
    private readonly Lock gate = new();
    private ServiceSwitches current = ServiceSwitches.Off;

    public ServiceControlFile(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public ServiceSwitches Current
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    /// <summary>Writes the switches; <see cref="LabException"/> when the file cannot be written.</summary>
    public void Write(ServiceSwitches switches)
    {
        lock (gate)
        {
            var temporary = Path + ".tmp";
            try
            {
                File.WriteAllText(temporary, JsonSerializer.Serialize(switches));
                File.Move(temporary, Path, overwrite: true);
            }
            catch (IOException e)
            {
                throw new LabException($"cannot write the control file {Path}: {e.Message}", e);
            }

            current = switches;
        }
    }

    /// <summary>Changes some switches and keeps the others.</summary>
    public ServiceSwitches Update(Func<ServiceSwitches, ServiceSwitches> change)
    {
        lock (gate)
        {
            var next = change(current);
            Write(next);
            return next;
        }
    }
}
