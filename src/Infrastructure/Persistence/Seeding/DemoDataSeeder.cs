using EnSakITaget.Domain.Libraries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EnSakITaget.Infrastructure.Persistence.Seeding;

/// <summary>
/// Opt-in demo data from the report: Jönköping county with its thirteen municipalities, and
/// Värnamo's city library, five branches and bookmobile. Running it twice adds nothing.
/// </summary>
public sealed partial class DemoDataSeeder(AppDbContext db, TimeProvider time, ILogger<DemoDataSeeder> logger)
{
    public const string CountyCode = "06";

    private static readonly (string Name, string Code)[] Municipalities =
    [
        ("Aneby", "0604"), ("Gnosjö", "0617"), ("Mullsjö", "0642"), ("Habo", "0643"), ("Gislaved", "0662"),
        ("Vaggeryd", "0665"), ("Jönköping", "0680"), ("Nässjö", "0682"), ("Värnamo", "0683"), ("Sävsjö", "0684"),
        ("Vetlanda", "0685"), ("Eksjö", "0686"), ("Tranås", "0687"),
    ];

    private static readonly (LibraryNodeType Type, string Name, int Staff)[] VarnamoUnits =
    [
        (LibraryNodeType.MainLibrary, "Värnamo stadsbibliotek", 11),
        (LibraryNodeType.Branch, "Bors bibliotek", 2),
        (LibraryNodeType.Branch, "Bredaryds bibliotek", 1),
        (LibraryNodeType.Branch, "Forsheda bibliotek", 2),
        (LibraryNodeType.Branch, "Rydaholms bibliotek", 1),
        (LibraryNodeType.Branch, "Horda bibliotek", 1),
        (LibraryNodeType.Bookmobile, "Bokbussen", 2),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Libraries.AnyAsync(n => n.Type == LibraryNodeType.County && n.Code == CountyCode, cancellationToken))
        {
            LogAlreadySeeded();
            return;
        }

        var now = time.GetUtcNow();
        var county = LibraryNode.Create(new(LibraryNodeType.County, "Jönköpings län", CountyCode), parent: null, now);
        db.Libraries.Add(county);
        foreach (var (name, code) in Municipalities)
        {
            var municipality = LibraryNode.Create(new(LibraryNodeType.Municipality, $"{name} kommuns bibliotek", code), county, now);
            db.Libraries.Add(municipality);
            if (code == "0683")
            {
                db.Libraries.AddRange(VarnamoUnits.Select(unit =>
                    LibraryNode.Create(new(unit.Type, unit.Name, StaffCount: unit.Staff), municipality, now)));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        LogSeeded(Municipalities.Length, VarnamoUnits.Length);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data is already there; nothing added")]
    private partial void LogAlreadySeeded();

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo data: Jönköpings län, {MunicipalityCount} municipalities, {UnitCount} Värnamo units")]
    private partial void LogSeeded(int municipalityCount, int unitCount);
}
