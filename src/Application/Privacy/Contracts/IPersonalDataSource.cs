namespace EnSakITaget.Application.Privacy.Contracts;

/// <summary>
/// The person a request to see or erase their data is about: their staff record and their account,
/// either of which may be missing (a county admin has no staff record; a roster entry no account).
/// </summary>
/// <param name="StaffMemberId">The staff record, when there is one.</param>
/// <param name="UnitId">The library unit of the staff record: where the audit trail files the erasure.</param>
/// <param name="Name">The person's name as the staff record or the account has it.</param>
/// <param name="Email">The person's e-mail, lower case.</param>
/// <param name="AccountId">The account with the same e-mail, when there is one.</param>
public sealed record DataSubject(Guid? StaffMemberId, Guid? UnitId, string Name, string Email, Guid? AccountId)
{
    /// <summary>What identifies the person in free text: the audit trail and the actor names are scrubbed of these.</summary>
    public IReadOnlyList<string> Identifying => [Email, Name];
}

/// <summary>One kind of a person's data in an export.</summary>
/// <param name="Kind">The section's key in the document, camelCase (<c>staffRecord</c>, <c>reflections</c>).</param>
/// <param name="Count">How many items the section holds, for the summary.</param>
/// <param name="SummarySv">One sentence in Swedish that says what the section is and why it is kept.</param>
/// <param name="SummaryEn">The same in English.</param>
/// <param name="Items">The data itself, every field as stored.</param>
public sealed record PersonalDataSection(string Kind, int Count, string SummarySv, string SummaryEn, IReadOnlyList<object> Items);

/// <summary>Why and when a person is erased, and by what: a person's request or the county's retention.</summary>
/// <param name="Reason">As the administrator gave it, or the retention rule.</param>
/// <param name="At">When.</param>
public sealed record ErasureRequest(string Reason, DateTimeOffset At);

/// <summary>
/// A module's part in a person's right to see and to erase their data. Each module that stores
/// personal data implements it once and registers it (<c>AddScoped&lt;IPersonalDataSource, …&gt;</c>);
/// the export and the erasure ask every registered source, so a new module adds its section
/// without touching either.
/// <para>
/// The sources read past the library scope, bound to the one person the caller was already allowed
/// to reach: a pilot's enrolments and answers lie in rounds of other municipalities.
/// </para>
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>Sources erase in this order, lowest first, in one transaction: the audit trail goes last, to scrub what the others' erasure wrote.</summary>
    int ErasureStage => 0;

    /// <summary>Everything the module holds about the person, as sections; none when it holds nothing.</summary>
    Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken);

    /// <summary>
    /// Erases or neutralises what the module holds about the person, and saves. Counts that
    /// statistics are computed from stay as they are: the county's figures do not change.
    /// </summary>
    Task EraseAsync(DataSubject subject, ErasureRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The county's retention has run out for these closed rounds: erase what the module keeps of
    /// people in them beyond the counts (reflections, named answers) the same way as an erasure, and save.
    /// </summary>
    /// <returns>What was erased, by kind, for the audit trail: <c>{"reflections": 12}</c>.</returns>
    Task<IReadOnlyDictionary<string, int>> EraseAfterRetentionAsync(IReadOnlyCollection<Guid> roundIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>());
}
