using EnSakITaget.Web;
using EnSakITaget.Web.Common;
using EnSakITaget.Web.Common.Api;
using EnSakITaget.Web.Identity;
using EnSakITaget.Web.Participants;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.JSInterop;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

var apiBase = new Uri(builder.HostEnvironment.BaseAddress);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<Language>();
builder.Services.AddSingleton(services => new ApiClient(
    new HttpClient(new RevisionHandler(services.GetRequiredService<Language>())
    {
        InnerHandler = new SessionHandler(services) { InnerHandler = new HttpClientHandler() },
    })
    { BaseAddress = apiBase }));
builder.Services.AddSingleton<Session>();
builder.Services.AddSingleton<MyRoundsService>();
builder.Services.AddSingleton<Drafts>();
builder.Services.AddSingleton<EnSakITaget.Web.Community.BlogRounds>();

var host = builder.Build();
await host.Services.GetRequiredService<Language>().LoadAsync();
// Before the first page draws: a session cookie from before a reload, or from the sign-in form that
// index.html showed while the app started (js/before-app.js), signs the reader in.
await EarlySignIn.SettledAsync(host.Services.GetRequiredService<IJSRuntime>());
await host.Services.GetRequiredService<Session>().RestoreAsync();
await host.RunAsync();
