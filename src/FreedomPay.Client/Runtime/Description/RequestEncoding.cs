namespace FreedomPay.Runtime
{
    /// <summary>How FreedomPay sends and reads replies of a request body.</summary>
    public enum RequestEncoding
    {
        /// <summary>multipart/form-data, one part per field.</summary>
        Multipart = 0,

        /// <summary>application/x-www-form-urlencoded.</summary>
        UrlEncoded = 1,

        /// <summary>application/json: nested objects and arrays, numbers and booleans as JSON types; replies are JSON too.</summary>
        Json = 2,
    }
}
