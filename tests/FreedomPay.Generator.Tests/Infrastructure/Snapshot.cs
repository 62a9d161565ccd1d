using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace FreedomPay.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot assertions with Verify's file conventions, so that moving to Verify later is a one-line change:
/// <c>Snapshots/{name}.verified.cs</c> beside the test is the accepted text; on a mismatch the new text is written
/// to <c>{name}.received.cs</c> and the test fails with a line diff. To accept received files after reading them,
/// run the tests with <c>FREEDOMPAY_ACCEPT_SNAPSHOTS=1</c> (the verified file is then overwritten).
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "FREEDOMPAY_ACCEPT_SNAPSHOTS";

    public static void Verify(string actual, string name, string extension = "cs", [CallerFilePath] string testFile = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(SourcePath(testFile))!, "Snapshots");
        string verifiedPath = Path.Combine(directory, $"{name}.verified.{extension}");
        string receivedPath = Path.Combine(directory, $"{name}.received.{extension}");
        actual = Normalize(actual);

        string? verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (verified == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        string message = verified is null
            ? $"No verified snapshot {verifiedPath}. Read {receivedPath}; if it is right, rename it to .verified.{extension} (or rerun with {AcceptVariable}=1)."
            : $"Snapshot {name} differs from {verifiedPath} (received text written to {receivedPath}):\n{Diff(verified, actual)}";
        throw new Xunit.Sdk.XunitException(message);
    }

    /// <summary>
    /// Verifies every generated file of a run against <c>{group}#{hint name}.verified.cs</c>, and the set of files
    /// itself: a run that generates nothing, a file with no snapshot, and a snapshot the generator no longer writes
    /// (stale, deleted when accepting) all fail. Every mismatch is shown (and written) before failing.
    /// </summary>
    public static void VerifyAll(string group, IEnumerable<(string HintName, string Text)> generated, [CallerFilePath] string testFile = "")
    {
        var failures = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (hintName, text) in generated)
        {
            string name = group + "#" + (hintName.EndsWith(".g.cs", StringComparison.Ordinal) ? hintName.Substring(0, hintName.Length - ".g.cs".Length) : hintName);
            names.Add(name);
            try
            {
                Verify(text, name, "cs", testFile);
            }
            catch (Xunit.Sdk.XunitException ex)
            {
                failures.Add(ex.Message);
            }
        }

        if (names.Count == 0)
        {
            failures.Add($"The run for snapshot group '{group}' generated no file at all.");
        }

        string directory = Path.Combine(Path.GetDirectoryName(SourcePath(testFile))!, "Snapshots");
        foreach (string stale in Directory.EnumerateFiles(directory, group + "#*.verified.cs").Where(f => !names.Contains(Path.GetFileName(f).Substring(0, Path.GetFileName(f).Length - ".verified.cs".Length))))
        {
            if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
            {
                File.Delete(stale);
            }
            else
            {
                failures.Add($"Stale snapshot {stale}: the generator no longer writes this file. Delete it (or rerun with {AcceptVariable}=1) once that is intended.");
            }
        }

        if (failures.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(string.Join("\n\n", failures));
        }
    }

    /// <summary>
    /// The test file on disk. CI builds map source paths to "/_/" (deterministic builds), so a caller path that
    /// does not exist is resolved against the repository root.
    /// </summary>
    private static string SourcePath(string callerPath)
    {
        const string Mapped = "/_/";
        return !File.Exists(callerPath) && callerPath.StartsWith(Mapped, StringComparison.Ordinal)
            ? Path.Combine(RepoPaths.Root, callerPath.Substring(Mapped.Length))
            : callerPath;
    }

    /// <summary>Line endings and the BOM are not part of what a snapshot checks.</summary>
    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');

    private static string Diff(string expected, string actual)
    {
        DiffPaneModel diff = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var builder = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < diff.Lines.Count && shown < 80; i++)
        {
            DiffPiece line = diff.Lines[i];
            if (line.Type == ChangeType.Unchanged)
            {
                continue;
            }

            string marker = line.Type == ChangeType.Inserted ? "+ " : line.Type == ChangeType.Deleted ? "- " : "~ ";
            builder.Append(marker).Append(line.Position?.ToString() ?? "?").Append(": ").AppendLine(line.Text);
            shown++;
        }

        return builder.ToString();
    }
}
