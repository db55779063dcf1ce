using EnSakITaget.Application.Privacy.Contracts;
using Mediator;

namespace EnSakITaget.Application.Privacy.ExportPersonalData;

/// <summary>Everything held about a member of staff in the caller's libraries (GDPR art. 15).</summary>
public sealed record ExportPersonalDataQuery(Guid StaffMemberId) : IQuery<PersonalDataExport>;

/// <summary>Everything held about the caller themself.</summary>
public sealed record ExportMyPersonalDataQuery : IQuery<PersonalDataExport>;

/// <summary>One person's data, every kind in its own section, with a summary a person can read (Swedish first).</summary>
/// <param name="ExportedAt">When the document was made.</param>
/// <param name="Subject">Who it is about.</param>
/// <param name="SummarySv">What the document holds, in Swedish.</param>
/// <param name="SummaryEn">The same in English.</param>
/// <param name="Sections">The data, by kind.</param>
public sealed record PersonalDataExport(
    DateTimeOffset ExportedAt, DataSubjectDto Subject, string SummarySv, string SummaryEn, IReadOnlyList<PersonalDataSection> Sections);

public sealed record DataSubjectDto(Guid? StaffMemberId, Guid? AccountId, string Name, string Email);

internal sealed class ExportPersonalDataQueryHandler(DataSubjects subjects, PersonalDataExporter exporter)
    : IQueryHandler<ExportPersonalDataQuery, PersonalDataExport>
{
    public async ValueTask<PersonalDataExport> Handle(ExportPersonalDataQuery query, CancellationToken cancellationToken) =>
        await exporter.ExportAsync(await subjects.StaffMemberAsync(query.StaffMemberId, cancellationToken), cancellationToken);
}

internal sealed class ExportMyPersonalDataQueryHandler(DataSubjects subjects, PersonalDataExporter exporter)
    : IQueryHandler<ExportMyPersonalDataQuery, PersonalDataExport>
{
    public async ValueTask<PersonalDataExport> Handle(ExportMyPersonalDataQuery query, CancellationToken cancellationToken) =>
        await exporter.ExportAsync(await subjects.CallerAsync(cancellationToken), cancellationToken);
}

/// <summary>Asks every module for its sections and writes the summary.</summary>
internal sealed class PersonalDataExporter(IEnumerable<IPersonalDataSource> sources, TimeProvider time)
{
    public async Task<PersonalDataExport> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var sections = new List<PersonalDataSection>();
        foreach (var source in sources)
        {
            sections.AddRange(await source.ExportAsync(subject, cancellationToken));
        }

        var now = time.GetUtcNow();
        var sv = $"Det här är allt som En sak i taget har sparat om {subject.Name} ({subject.Email}) den {now:yyyy-MM-dd}:\n" +
            string.Join("\n", sections.Select(s => $"- {s.SummarySv} Antal: {s.Count}."));
        var en = $"This is everything En sak i taget holds about {subject.Name} ({subject.Email}) on {now:yyyy-MM-dd}:\n" +
            string.Join("\n", sections.Select(s => $"- {s.SummaryEn} Count: {s.Count}."));
        return new PersonalDataExport(now, new DataSubjectDto(subject.StaffMemberId, subject.AccountId, subject.Name, subject.Email), sv, en, sections);
    }
}
