using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace FreedomPay.TestSupport;

/// <summary>
/// A real Redis for the test that starts it: Debian's <c>redis-server</c> (or <c>FREEDOMPAY_REDIS_SERVER</c>) on
/// 127.0.0.1 and a free port, nothing saved to disk, stopped when disposed. Tests that need it are skipped with the
/// install instruction when it is missing, unless <c>FREEDOMPAY_REQUIRE_REDIS=1</c> (as in .ci/run) makes that a failure.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string PathVariable = "FREEDOMPAY_REDIS_SERVER";
    public const string RequireVariable = "FREEDOMPAY_REQUIRE_REDIS";

    private static readonly string[] Candidates = { "/usr/bin/redis-server", "/usr/local/bin/redis-server", "/opt/homebrew/bin/redis-server" };

    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public static string? ExecutablePath { get; } = Find();

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static string MissingMessage =>
        $"No redis-server found (looked at ${PathVariable} and {string.Join(", ", Candidates)}). " +
        "Install it (Debian/Ubuntu: sudo apt-get install redis-server) or point " + PathVariable + " at a redis-server executable.";

    public int Port { get; }

    /// <summary>The server's process id (a test stops it by its id, as an outage would).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6390</c>.</summary>
    public string Configuration => "127.0.0.1:" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<RedisServer> StartAsync()
    {
        string executable = ExecutablePath ?? throw new InvalidOperationException(MissingMessage);
        int port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--protected-mode", "yes", "--dir", Path.GetTempPath() })
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port);
        await server.WaitUntilReadyAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Waits for the server's answer to PING (its own readiness), not for a fixed time.</summary>
    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                using NetworkStream stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                byte[] answer = new byte[7];
                int read = await stream.ReadAsync(answer);
                if (read >= 5 && answer.Take(5).SequenceEqual("+PONG"u8.ToArray()))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("redis-server did not answer PING within 30 s.");
            }

            await Task.Delay(20);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Find()
    {
        string? configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return Candidates.FirstOrDefault(File.Exists);
    }
}
