using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace FreedomPay.Sandbox.Pages
{
    /// <summary>
    /// The frame every sandbox page shares: plain server-rendered HTML5 with one small stylesheet, no scripts
    /// (except the auto-submit of a POST return), readable from a 320 px phone up to a desktop.
    /// </summary>
    internal static class Html
    {
        // Keeps Cyrillic readable in the page source instead of numeric entities; still escapes <, >, &, quotes.
        private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

        private const string Style = """
            :root { color-scheme: light; --ink: #1b1f24; --muted: #4f5864; --line: #d5dae0; --accent: #0a5bd3; --bad: #b3261e; --good: #1a7f37; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f3f5f8; }
            main { max-width: 30rem; margin: 0 auto; padding: 1rem; }
            main.wide { max-width: 72rem; }
            .card { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 1.25rem; margin: 0 0 1rem; }
            .banner { background: #fff4d6; border: 1px solid #e8c868; border-radius: 8px; padding: .5rem .75rem; margin: 0 0 1rem; font-size: .9rem; }
            h1 { font-size: 1.35rem; margin: 0 0 .75rem; } h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
            .amount { font-size: 1.8rem; font-weight: 700; margin: .25rem 0 .75rem; }
            .muted { color: var(--muted); }
            label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
            input { width: 100%; font: inherit; font-size: 1.15rem; padding: .65rem .75rem; border: 2px solid #8a94a0; border-radius: 8px; }
            input[aria-invalid="true"] { border-color: var(--bad); }
            .hint { font-size: .9rem; color: var(--muted); margin: .25rem 0 0; }
            button, .button { display: block; width: 100%; margin: 1rem 0 0; padding: .75rem 1rem; font: inherit; font-weight: 600; text-align: center;
                     color: #fff; background: var(--accent); border: 0; border-radius: 8px; cursor: pointer; text-decoration: none; }
            button.secondary { color: var(--accent); background: #fff; border: 2px solid var(--accent); }
            :focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
            .error { color: var(--bad); font-weight: 600; margin: .5rem 0 0; }
            .ok { color: var(--good); }
            table { width: 100%; border-collapse: collapse; font-size: .9rem; }
            th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
            td.num { font-variant-numeric: tabular-nums; }
            .table { overflow-x: auto; }
            details summary { cursor: pointer; color: var(--accent); }
            code { font-size: .95em; }
            """;

        public static string E(string? text) => Encoder.Encode(text ?? string.Empty);

        public static string Document(string language, string title, string body, bool wide = false) => $"""
            <!DOCTYPE html>
            <html lang="{E(language)}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)}</title>
            <style>{Style}</style>
            </head>
            <body>
            <main{(wide ? " class=\"wide\"" : string.Empty)}>
            {body}
            </main>
            </body>
            </html>
            """;

        public static IResult Respond(string html, int status = StatusCodes.Status200OK) =>
            Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}
