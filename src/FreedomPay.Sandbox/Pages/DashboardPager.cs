using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;
using static FreedomPay.Sandbox.Pages.Html;

namespace FreedomPay.Sandbox.Pages
{
    /// <summary>
    /// One page of a dashboard list, newest first: <see cref="PageSize"/> rows, chosen by the list's own query
    /// parameter (<c>?payments=2</c>), so that a sandbox with thousands of payments renders a page, not all of them.
    /// </summary>
    internal sealed class DashboardPager
    {
        public const int PageSize = 25;

        private readonly IQueryCollection _query;

        public DashboardPager(IQueryCollection query) => _query = query;

        /// <summary>The rows of the requested page (newest first) and the links to the neighbouring pages.</summary>
        public (IReadOnlyList<T> Rows, string Navigation) Page<T>(string list, IReadOnlyList<T> newestFirst)
        {
            int pages = Math.Max(1, (newestFirst.Count + PageSize - 1) / PageSize);
            int page = int.TryParse(_query[list], NumberStyles.None, CultureInfo.InvariantCulture, out int asked) ? Math.Clamp(asked, 1, pages) : 1;
            IReadOnlyList<T> rows = newestFirst.Skip((page - 1) * PageSize).Take(PageSize).ToArray();
            if (pages == 1)
            {
                return (rows, string.Empty);
            }

            string Link(int target, string text, string rel) =>
                $"""<a href="{E(Url(list, target))}" rel="{rel}" aria-label="{E(text)} ({E(list)}, page {target} of {pages})">{E(text)}</a>""";
            string newer = page > 1 ? Link(page - 1, "Newer", "prev") : string.Empty;
            string older = page < pages ? Link(page + 1, "Older", "next") : string.Empty;
            return (rows, $"""<nav class="muted" aria-label="Pages of {E(list)}">Page {page} of {pages}, {newestFirst.Count} in all. {newer} {older}</nav>""");
        }

        /// <summary>The dashboard's address with one list moved to another page and the others kept where they are.</summary>
        private string Url(string list, int page)
        {
            var parameters = _query.Where(p => p.Key != list).Select(p => (p.Key, Value: p.Value.ToString())).Append((Key: list, Value: page.ToString(CultureInfo.InvariantCulture)));
            return DashboardPage.Path + "?" + string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        }
    }
}
