using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Behaviours;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Common;
using EnSakITaget.Domain.Participants;
using Mediator;

namespace EnSakITaget.Application.Participants.ImportStaff;

/// <param name="Content">The file as uploaded.</param>
/// <param name="Format">A CSV or an Excel workbook, as the upload said and its bytes showed.</param>
/// <param name="DryRun">Judge every row and report, but save nothing.</param>
public sealed record ImportStaffCommand(byte[] Content, RosterFormat Format, bool DryRun) : ICommand<StaffImportReport>, IRepeatableCommand
{
    public override string ToString() => $"{nameof(ImportStaffCommand)} {{ Bytes = {Content.Length}, Format = {Format}, DryRun = {DryRun} }}";
}

public sealed record StaffImportReport(bool DryRun, int Created, int Updated, int Unchanged, IReadOnlyList<RejectedStaffRow> Rejected);

/// <param name="Line">The line in the file, the header being line 1.</param>
/// <param name="Email">The row's e-mail, when it has one.</param>
/// <param name="Reason">Why the row was not imported.</param>
public sealed record RejectedStaffRow(int Line, string? Email, string Reason);

/// <summary>
/// Upserts by e-mail. A row that fails is reported with its line and reason and does not sink the
/// others. An e-mail someone registers while the file is saved makes the save lose a race; the
/// import is then judged again on what is stored (<see cref="IRepeatableCommand"/>), so that row is
/// updated or reported, and the rest saved.
/// </summary>
internal sealed class ImportStaffCommandHandler(IApplicationDbContext db, ILibraryDirectory libraries, ILibraryScope scope, TimeProvider time)
    : ICommandHandler<ImportStaffCommand, StaffImportReport>
{
    public async ValueTask<StaffImportReport> Handle(ImportStaffCommand command, CancellationToken cancellationToken)
    {
        var (rows, fileProblem) = StaffRoster.Read(command.Content, command.Format);
        if (fileProblem is not null)
        {
            throw new ValidationException("file", fileProblem);
        }

        var units = await libraries.ListVisibleAsync(LibraryLevel.Unit, cancellationToken);
        var unitsByName = units.ToLookup(u => u.Name.Trim(), StringComparer.CurrentCultureIgnoreCase);
        var rejected = new List<RejectedStaffRow>();
        var accepted = new List<(StaffRow Row, StaffDetails Details)>();
        var firstLineOf = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            var email = StaffDetails.NormaliseEmail(row.Email);
            StaffDetails? details = null;
            var problem = row.Problem ?? Judge(row, unitsByName, units, out details);
            if (problem is null && firstLineOf.TryGetValue(email, out var first))
            {
                problem = $"The same e-mail as line {first}.";
            }

            if (problem is null)
            {
                firstLineOf[email] = row.Line;
                accepted.Add((row, details!));
            }
            else
            {
                rejected.Add(new RejectedStaffRow(row.Line, string.IsNullOrWhiteSpace(row.Email) ? null : row.Email.Trim(), problem));
            }
        }

        var existing = await db.StaffWithEmailsAsync([.. accepted.Select(a => StaffDetails.NormaliseEmail(a.Details.Email))], cancellationToken);
        var (created, updated, unchanged, now) = (0, 0, 0, time.GetUtcNow());
        foreach (var (row, details) in accepted)
        {
            if (!existing.TryGetValue(StaffDetails.NormaliseEmail(details.Email), out var member))
            {
                db.StaffMembers.Add(StaffMember.Register(details, now));
                created++;
            }
            else if (!scope.Includes(member.UnitId))
            {
                rejected.Add(new RejectedStaffRow(row.Line, details.Email, "The e-mail is registered at a library outside yours."));
            }
            else if (member.Update(details, now))
            {
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        if (!command.DryRun)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return new StaffImportReport(command.DryRun, created, updated, unchanged, [.. rejected.OrderBy(r => r.Line)]);
    }

    private static string? Judge(
        StaffRow row, ILookup<string, LibrarySummary> unitsByName, IReadOnlyList<LibrarySummary> units, out StaffDetails? details)
    {
        details = null;
        if (string.IsNullOrWhiteSpace(row.Name))
        {
            return "The name is empty.";
        }

        if (row.Name.Length > StaffRules.MaxNameLength || row.Title.Length > StaffRules.MaxTitleLength)
        {
            return $"The name or title is longer than {StaffRules.MaxNameLength} characters.";
        }

        if (!StaffRules.IsEmail(row.Email))
        {
            return string.IsNullOrWhiteSpace(row.Email) ? "The e-mail is empty." : $"'{row.Email}' is not an e-mail address.";
        }

        var matches = Guid.TryParse(row.Unit, out var unitId)
            ? units.Where(u => u.Id == unitId).ToList()
            : unitsByName[row.Unit.Trim()].ToList();
        if (matches.Count != 1)
        {
            return matches.Count == 0
                ? $"There is no library unit '{row.Unit}' among yours."
                : $"The unit name '{row.Unit}' fits {matches.Count} units: give the unit's id instead.";
        }

        if (StaffRoster.ParseManager(row.Manager) is not { } isManager)
        {
            return $"'{row.Manager}' in the manager column is neither yes (ja) nor no (nej).";
        }

        details = new StaffDetails(row.Name.Trim(), row.Email.Trim(), matches[0].Id, string.IsNullOrWhiteSpace(row.Title) ? null : row.Title.Trim(), isManager);
        return null;
    }
}
