namespace CrmKit.Storage;

/// <summary>
/// Marks a session whose transaction belongs to the thread that opened it (the embedded store's):
/// its unit of work must complete on that thread, so work that runs beside it is waited for by
/// blocking, not awaited. Any other session is awaited, so a server store's refresh never holds a
/// pool thread while a chunk is evaluated.
/// </summary>
internal interface IThreadBoundSession;
