using System;
using System.Security.Cryptography;
using System.Text;

namespace FreedomPay.Client.Tests.Infrastructure;

/// <summary>An independent MD5 of a string spelled out by the test, to check the SDK's signatures against.</summary>
internal static class Md5Reference
{
    public static string Of(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
