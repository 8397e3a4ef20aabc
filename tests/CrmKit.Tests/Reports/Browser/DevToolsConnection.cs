using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit.Tests.Reports.Browser;

/// <summary>
/// A connection to a browser over the Chrome DevTools Protocol: JSON commands over a WebSocket,
/// each answered by the message with its id; everything else is an event, kept in arrival order.
/// Commands to a page carry the session id its target was attached with (flat sessions).
/// </summary>
public sealed class DevToolsConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<(string Method, string? Session, JsonElement Params)> _events = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private Task _reading = Task.CompletedTask;
    private int _lastId;

    private DevToolsConnection()
    {
    }

    /// <summary>Connects to the browser's endpoint, <c>ws://127.0.0.1:PORT/devtools/browser/ID</c>.</summary>
    public static async Task<DevToolsConnection> ConnectAsync(Uri endpoint, CancellationToken ct)
    {
        var connection = new DevToolsConnection();
        connection._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await connection._socket.ConnectAsync(endpoint, ct);
        connection._reading = Task.Run(connection.ReadAsync);
        return connection;
    }

    /// <summary>Every event received so far with this method (on the given session, when one is named).</summary>
    public IReadOnlyList<JsonElement> Events(string method, string? session = null) =>
        _events.Where(e => e.Method == method && (session is null || e.Session == session)).Select(e => e.Params).ToArray();

    /// <summary>Sends a command and waits for its result.</summary>
    /// <exception cref="InvalidOperationException">The browser answered with an error.</exception>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters = null, string? session = null, CancellationToken ct = default)
    {
        var id = Interlocked.Increment(ref _lastId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (session is not null) message["sessionId"] = session;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sending.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sending.Release();
        }
        using var registration = ct.Register(() => answer.TrySetCanceled(ct));
        return await answer.Task;
    }

    /// <summary>Waits until an event with <paramref name="method"/> has arrived on <paramref name="session"/>.</summary>
    public async Task WaitForEventAsync(string method, string? session, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Events(method, session).Count == 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {method} event within {timeout.TotalSeconds:F0} s.");
            if (_reading.IsCompleted) throw new InvalidOperationException($"The browser closed the connection before {method}.");
            await Task.Delay(50, ct);
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage) continue;
                Dispatch(JsonDocument.Parse(message.ToArray()).RootElement);
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The browser went away or the connection is being closed.
        }
        foreach (var pending in _pending.Values) pending.TrySetException(new InvalidOperationException("The browser closed the DevTools connection."));
    }

    private void Dispatch(JsonElement root)
    {
        if (root.TryGetProperty("id", out var id))
        {
            if (!_pending.TryRemove(id.GetInt32(), out var answer)) return;
            if (root.TryGetProperty("error", out var error)) answer.TrySetException(new InvalidOperationException($"DevTools error: {error}"));
            else answer.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
            return;
        }
        var session = root.TryGetProperty("sessionId", out var s) ? s.GetString() : null;
        _events.Enqueue((root.GetProperty("method").GetString()!, session, root.TryGetProperty("params", out var p) ? p.Clone() : default));
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        try
        {
            await _reading.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // The reader is stuck in a receive the socket's abort below ends.
        }
        _socket.Abort();
        _socket.Dispose();
        _closing.Dispose();
        _sending.Dispose();
    }
}
