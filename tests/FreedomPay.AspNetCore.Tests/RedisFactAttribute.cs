using FreedomPay.TestSupport;

namespace FreedomPay.AspNetCore.Tests;

/// <summary>A test that needs redis-server: skipped with the install instruction when it is missing, unless required.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.ExecutablePath is null && !RedisServer.Required)
        {
            Skip = RedisServer.MissingMessage;
        }
    }
}
