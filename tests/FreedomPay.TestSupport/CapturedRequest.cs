using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FreedomPay.TestSupport;

/// <summary>A request as it reached the (fake) gateway, with its form fields parsed by ASP.NET Core's readers.</summary>
public sealed class CapturedRequest
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> _headers;

    private CapturedRequest(HttpMethod method, Uri uri, string? contentType, byte[] body, IReadOnlyList<KeyValuePair<string, string>> fields, IReadOnlyList<string> partHeaders, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        _headers = headers;
        Method = method;
        Uri = uri;
        ContentType = contentType;
        Body = body;
        Fields = fields;
        PartHeaders = partHeaders;
    }

    public HttpMethod Method { get; }

    public Uri Uri { get; }

    public string? ContentType { get; }

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Form fields in the order they were sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    /// <summary>The Content-Disposition header of each multipart part, in order.</summary>
    public IReadOnlyList<string> PartHeaders { get; }

    public string this[string name] => Fields.Single(f => f.Key == name).Value;

    public bool Has(string name) => Fields.Any(f => f.Key == name);

    public IEnumerable<string> Names => Fields.Select(f => f.Key);

    /// <summary>A request header's value (joined when repeated), or null when it was not sent.</summary>
    public string? Header(string name)
    {
        string[] values = _headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToArray();
        return values.Length == 0 ? null : string.Join(",", values);
    }

    public static async Task<CapturedRequest> ReadAsync(HttpRequestMessage request)
    {
        byte[] body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync();
        string? contentType = request.Content?.Headers.ContentType?.ToString();
        var fields = new List<KeyValuePair<string, string>>();
        var partHeaders = new List<string>();
        if (contentType is not null && contentType.StartsWith("multipart/form-data", StringComparison.Ordinal))
        {
            string boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(contentType).Boundary).Value!;
            var reader = new MultipartReader(boundary, new MemoryStream(body));
            for (MultipartSection? section = await reader.ReadNextSectionAsync(); section is not null; section = await reader.ReadNextSectionAsync())
            {
                string disposition = section.ContentDisposition!;
                partHeaders.Add(disposition);
                string name = HeaderUtilities.RemoveQuotes(ContentDispositionHeaderValue.Parse(disposition).Name).Value!;
                using var text = new StreamReader(section.Body, Encoding.UTF8);
                fields.Add(new(name, await text.ReadToEndAsync()));
            }
        }
        else if (contentType is not null && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal))
        {
            fields.AddRange(ParseQuery(Encoding.UTF8.GetString(body)));
        }
        else if (request.Method == HttpMethod.Get)
        {
            fields.AddRange(ParseQuery(request.RequestUri!.Query.TrimStart('?')));
        }

        var headers = request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v))).ToList();
        return new CapturedRequest(request.Method, request.RequestUri!, contentType, body, fields, partHeaders, headers);
    }

    private static IEnumerable<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var reader = new FormReader(query);
        for (var pair = reader.ReadNextPair(); pair is not null; pair = reader.ReadNextPair())
        {
            yield return new(pair.Value.Key, pair.Value.Value);
        }
    }
}
