namespace RootCause.Lab;

/// <summary>
/// One lab per host (its names and addresses are fixed): a lab holds an exclusive lock on a file while it exists.
/// The kernel drops the lock when its process dies, so a lock that can be taken means any lab object left over is a
/// crashed run's and may be removed.
/// </summary>
internal sealed class LabLock : IDisposable
{
    private readonly FileStream stream;

    private LabLock(FileStream stream)
    {
        this.stream = stream;
    }

    public static string Path => Directory.Exists("/run") ? "/run/rclab.lock" : System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rclab.lock");

    /// <summary>Takes the lock; <see cref="LabException"/> when another process holds it.</summary>
    public static LabLock Acquire()
    {
        try
        {
            // On Linux .NET takes FileShare.None as an exclusive flock on the file.
            var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new LabLock(stream);
        }
        catch (IOException e)
        {
            throw new LabException($"another lab is running on this host (it holds {Path}): {e.Message}", e);
        }
    }

    public void Dispose() => stream.Dispose();
}
