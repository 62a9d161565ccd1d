using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Runtime;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FreedomPay.Cli.Output
{
    /// <summary>--verbose: prints each request's line and fields (those the spec marks sensitive, and the signature, masked) and the reply status.</summary>
    internal sealed class VerboseHandler(TextWriter log, RequestFieldTable fields) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            log.WriteLine($"> {request.Method} {request.RequestUri}");
            if (request.Content is { } content && content.Headers.ContentType?.MediaType == "multipart/form-data")
            {
                byte[] body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                string boundary = HeaderUtilities.RemoveQuotes(content.Headers.ContentType.Parameters.First(p => p.Name == "boundary").Value).Value!;
                var reader = new MultipartReader(boundary, new MemoryStream(body));
                for (var section = await reader.ReadNextSectionAsync(cancellationToken); section is not null; section = await reader.ReadNextSectionAsync(cancellationToken))
                {
                    string name = HeaderUtilities.RemoveQuotes(ContentDispositionHeaderValue.Parse(section.ContentDisposition).Name).Value!;
                    string value = await new StreamReader(section.Body, Encoding.UTF8).ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                    log.WriteLine($">   {name} = {fields.Redact(name, value)}");
                }
            }

            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            log.WriteLine($"< {(int)response.StatusCode} {response.Content.Headers.ContentType}");
            return response;
        }
    }
}
