using System.Runtime.CompilerServices;

namespace EnSakITaget.ArchitectureTests;

/// <summary>
/// Every read that passes the library scope filter by is a security decision, so it is made in a
/// few named readers only, each saying in its name and summary why it may read across scopes.
/// Reading past the scope anywhere else means asking one of these, or adding a reader here on purpose.
/// </summary>
public sealed class ScopeBypassTests
{
    private const string Bypass = "IgnoreQueryFilters";

    /// <summary>The only source files allowed to bypass the scope filter, relative to the repository root.</summary>
    public static readonly IReadOnlyList<string> NamedReaders =
    [
        // Sign-in and key authentication come before any scope: a scope is worked out from them.
        "src/Infrastructure/Identity/SignInReads.cs",
        // The whole tree's shape (every scope is computed from it), ancestors and unique codes.
        "src/Application/Libraries/WholeLibraryTree.cs",
        // An account's roles in every library, a library's coordinators, what is bound to a library before it is deleted.
        "src/Application/Identity/AccountsAcrossLibraries.cs",
        // A participant's rounds, and a course's rounds in many municipalities.
        "src/Application/Courses/CoursesRoundDirectory.cs",
        // Pilots, a participant's own enrolments, a round's participants, a person's enrolments everywhere, unique e-mails.
        "src/Application/Participants/ParticipantsAcrossLibraries.cs",
        // A round's survey and a participant's own answers, reached through their enrolment.
        "src/Application/Feedback/SurveyAccess.cs",
        // A round's blog, reached through an enrolment; a library's approved posts, for anyone; a person's posts and comments.
        "src/Application/Community/CommunityAccess.cs",
        // The statistics read model's sources: the Statistics module decides what the figures cover and shows.
        "src/Application/Participants/ParticipationStatistics.cs",
        "src/Application/Feedback/FeedbackStatistics.cs",
        // A person's own data wherever it lies, for their export and erasure: bound to one person the caller may reach.
        "src/Application/Participants/ParticipantsPersonalData.cs",
        "src/Application/Feedback/FeedbackPersonalData.cs",
        "src/Application/Audit/AuditPersonalData.cs",
        // The revision number of one resource, read before its handler runs and sent as its ETag only with an answer the handler authorised.
        "src/Api/Common/RevisionTags.cs",
    ];

    [Fact]
    public void Only_the_named_readers_bypass_the_library_scope_filter()
    {
        var bypassing = SourceFiles().Where(file => File.ReadAllText(Path.Combine(RepositoryRoot, file)).Contains(Bypass, StringComparison.Ordinal));

        bypassing.Except(NamedReaders).ShouldBeEmpty(
            $"Read past the library scope through one of the named readers ({string.Join(", ", NamedReaders.Select(Path.GetFileNameWithoutExtension))}) instead.");
    }

    [Fact]
    public void Every_named_reader_still_exists_and_bypasses_the_filter()
    {
        var stale = NamedReaders.Where(file =>
            !File.Exists(Path.Combine(RepositoryRoot, file)) || !File.ReadAllText(Path.Combine(RepositoryRoot, file)).Contains(Bypass, StringComparison.Ordinal));

        stale.ShouldBeEmpty("A reader that no longer bypasses the filter leaves the list.");
    }

    [Fact]
    public void The_scan_finds_the_source_files()
    {
        SourceFiles().Count.ShouldBeGreaterThan(100);
    }

    private static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static List<string> SourceFiles()
    {
        var src = Path.Combine(RepositoryRoot, "src");
        return [.. Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryRoot, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }

    private static string FindRepositoryRoot([CallerFilePath] string thisFile = "")
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EnSakITaget.sln")))
            {
                return directory.FullName;
            }
        }

        // Built elsewhere (a publish folder): the source this test was compiled from.
        return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
    }
}
