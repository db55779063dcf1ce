namespace EnSakITaget.Application.Messaging;

/// <summary>The <c>App</c> section: where people reach the app, for the links in messages.</summary>
public sealed class PublicAppOptions
{
    public const string SectionName = "App";

    /// <summary>The app's public address, without a trailing slash: every link in a message starts here.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";

    public string Link(string path) => $"{PublicUrl.TrimEnd('/')}/{path.TrimStart('/')}";
}
