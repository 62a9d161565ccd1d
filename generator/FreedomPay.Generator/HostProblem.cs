using System;
using System.IO;
using System.Runtime.InteropServices;

namespace FreedomPay.Generator
{
    /// <summary>
    /// Tells a compiler that cannot load the generator's dependencies (a .NET Framework compiler: Scriban needs
    /// System.Text.Json 10, shipped beside the generator, which only a .NET 8+ host's isolated analyzer loading can
    /// take) from a bug in the generator, so that FPG0023 can say what to change instead of FPG9999's "report a bug".
    /// </summary>
    internal static class HostProblem
    {
        /// <summary>The compiler's runtime, e.g. ".NET Framework 4.8.9181.0" or ".NET 8.0.31".</summary>
        public static string Host => RuntimeInformation.FrameworkDescription;

        /// <summary>The assembly that could not be loaded, or null when the failure is something else.</summary>
        public static string? Of(Exception exception)
        {
            for (Exception? current = exception; current is not null; current = current.InnerException)
            {
                switch (current)
                {
                    case FileNotFoundException missing:
                        return missing.FileName ?? "a dependency";
                    case FileLoadException load:
                        return load.FileName ?? "a dependency";
                    case BadImageFormatException image:
                        return image.FileName ?? "a dependency";
                    case TypeLoadException type:
                        return type.TypeName is { Length: > 0 } name ? name : type.Message;
                }
            }

            return null;
        }
    }
}
