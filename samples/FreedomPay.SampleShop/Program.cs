using FreedomPay.SampleShop;
using Microsoft.AspNetCore.Builder;

// dotnet run --project samples/FreedomPay.SampleShop   (Development: the embedded sandbox plays FreedomPay)
WebApplication app = await ShopApp.BuildAsync(args);
await app.RunAsync();
