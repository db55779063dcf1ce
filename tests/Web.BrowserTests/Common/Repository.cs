namespace EnSakITaget.Web.BrowserTests.Common;

internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the tests start the API built with the same configuration as themselves.</summary>
    public static string Configuration { get; } = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary>Screenshots go here (git-ignored), to be looked at.</summary>
    public static string Results { get; } = Path.Combine(Root, "test-results", "web");

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EnSakITaget.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (EnSakITaget.sln) is not above the test's folder.");
    }
}
