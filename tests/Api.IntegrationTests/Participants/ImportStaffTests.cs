using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Participants.ImportStaff;
using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Api.IntegrationTests.Participants;

public sealed class ImportStaffTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Url = "/api/v1/participants/import";

    private static readonly string Roster = string.Join('\n',
        "Namn;E-post;Enhet;Titel;Chef",
        "Anna Ek;anna.ek@varnamo.example.se;Värnamo stadsbibliotek;Bibliotekarie;nej",
        "Bo Ström;bo.strom@varnamo.example.se;Bors bibliotek;Bibliotekschef;ja",
        "Cecilia Ås;cecilia.as@varnamo.example.se;Bokbussen;Biblioteksassistent;");

    private async Task<(LibraryDto Main, LibraryDto Bor, LibraryDto Bookmobile)> CreateVarnamoAsync()
    {
        var (_, varnamo, bor) = await Client.CreateSmallTreeAsync();
        var main = await Client.CreateUnitAsync(varnamo.Id, "MainLibrary", "Värnamo stadsbibliotek", 11);
        var bookmobile = await Client.CreateUnitAsync(varnamo.Id, "Bookmobile", "Bokbussen", 2);
        return (main, bor, bookmobile);
    }

    private Task<HttpResponseMessage> ImportAsync(string csv, bool dryRun = false, bool bom = true, Encoding? encoding = null, HttpClient? client = null)
    {
        var bytes = (encoding ?? Encoding.UTF8).GetBytes(csv);
        var content = new ByteArrayContent(bom ? [.. Encoding.UTF8.GetPreamble(), .. bytes] : bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return (client ?? Client).PostAsync($"{Url}?dryRun={dryRun}", content);
    }

    private async Task<PagedList<StaffMemberDto>> StaffAsync() =>
        await (await Client.GetAsync("/api/v1/participants?pageSize=200")).ShouldBeAsync<PagedList<StaffMemberDto>>(HttpStatusCode.OK);

    [Fact]
    public async Task A_semicolon_roster_from_swedish_excel_creates_everyone_at_their_unit()
    {
        var (main, bor, bookmobile) = await CreateVarnamoAsync();

        var report = await (await ImportAsync(Roster)).ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);

        (report.Created, report.Updated, report.Unchanged, report.Rejected.Count).ShouldBe((3, 0, 0, 0));
        var staff = (await StaffAsync()).Items;
        staff.Single(s => s.Email == "anna.ek@varnamo.example.se").UnitId.ShouldBe(main.Id);
        staff.Single(s => s.Name == "Bo Ström").ShouldSatisfyAllConditions(s => s.IsManager.ShouldBeTrue(), s => s.UnitId.ShouldBe(bor.Id));
        staff.Single(s => s.Name == "Cecilia Ås").ShouldSatisfyAllConditions(s => s.IsManager.ShouldBeFalse(), s => s.UnitId.ShouldBe(bookmobile.Id));
    }

    [Theory]
    [InlineData(true, ";")]
    [InlineData(false, ";")]
    [InlineData(true, ",")]
    [InlineData(false, ",")]
    public async Task Utf8_with_or_without_a_byte_order_mark_and_comma_or_semicolon_are_all_read_alike(bool bom, string separator)
    {
        await CreateVarnamoAsync();

        var report = await (await ImportAsync(Roster.Replace(";", separator), bom: bom)).ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);

        report.Created.ShouldBe(3);
        (await StaffAsync()).Items.Select(s => s.Name).ShouldBe(["Anna Ek", "Bo Ström", "Cecilia Ås"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_roster_saved_by_older_excel_in_windows_1252_keeps_its_swedish_letters()
    {
        await CreateVarnamoAsync();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        var report = await (await ImportAsync(Roster, bom: false, encoding: Encoding.GetEncoding(1252))).ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);

        report.Created.ShouldBe(3);
        (await StaffAsync()).Items.Select(s => s.Name).ShouldContain("Cecilia Ås");
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_their_line_and_reason_and_do_not_sink_the_good_ones()
    {
        await CreateVarnamoAsync();
        var csv = string.Join('\n',
            "Namn;E-post;Enhet;Titel;Chef",
            "Anna Ek;anna.ek@varnamo.example.se;Värnamo stadsbibliotek;Bibliotekarie;nej",
            "Fia;fia@varnamo.example.se;Bokbussen",
            "Gustav Holm;inte-en-adress;Bokbussen;;",
            "Hanna Ström;hanna@varnamo.example.se;Rydaholms bibliotek;;",
            "Anna Ekdahl;ANNA.EK@varnamo.example.se;Bokbussen;;",
            "Ida Lind;ida@varnamo.example.se;Bokbussen;;kanske",
            ";jonas@varnamo.example.se;Bokbussen;;",
            "Karin Berg;karin@varnamo.example.se;Bors bibliotek;Bibliotekarie;ja");

        var report = await (await ImportAsync(csv)).ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);

        report.Created.ShouldBe(2);
        report.Rejected.Select(r => r.Line).ShouldBe([3, 4, 5, 6, 7, 8]);
        report.Rejected[0].Reason.ShouldContain("3 columns where the header has 5");
        report.Rejected[1].Reason.ShouldContain("not an e-mail address");
        report.Rejected[2].Reason.ShouldContain("no library unit 'Rydaholms bibliotek'");
        report.Rejected[3].Reason.ShouldContain("same e-mail as line 2");
        report.Rejected[4].Reason.ShouldContain("manager column");
        report.Rejected[5].Reason.ShouldContain("name is empty");
        (await StaffAsync()).Items.Select(s => s.Name).ShouldBe(["Anna Ek", "Karin Berg"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_happen_and_saves_nothing()
    {
        await CreateVarnamoAsync();
        var before = await SnapshotDataAsync();

        var report = await (await ImportAsync(Roster + "\nFel;fel;Bokbussen;;", dryRun: true)).ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);

        report.DryRun.ShouldBeTrue();
        report.Created.ShouldBe(3);
        report.Rejected.ShouldHaveSingleItem().Line.ShouldBe(5);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Importing_again_updates_by_email_and_leaves_the_unchanged_alone()
    {
        await CreateVarnamoAsync();
        await (await ImportAsync(Roster)).ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);

        var report = await (await ImportAsync(Roster.Replace("Bo Ström;bo.strom@varnamo.example.se;Bors bibliotek;Bibliotekschef;ja", "Bo Ström;BO.STROM@varnamo.example.se;Bokbussen;Bibliotekschef;ja")))
            .ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);

        (report.Created, report.Updated, report.Unchanged).ShouldBe((0, 1, 2));
        (await StaffAsync()).TotalCount.ShouldBe(3);
    }

    [Theory]
    [InlineData("Förnamn;Adress\nAnna;anna@x.se")]
    [InlineData("")]
    public async Task A_file_without_the_name_email_and_unit_columns_answers_400_naming_the_file(string csv)
    {
        await CreateVarnamoAsync();
        var before = await SnapshotDataAsync();

        await (await ImportAsync(csv, bom: false)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "file");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_roster_may_come_as_a_multipart_form_upload()
    {
        await CreateVarnamoAsync();
        using var form = new MultipartFormDataContent { { new StringContent(Roster, Encoding.UTF8, "text/csv"), "file", "personal.csv" } };

        var report = await (await Client.PostAsync(Url, form)).ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);

        report.Created.ShouldBe(3);
    }

    [Fact]
    public async Task A_coordinator_imports_into_their_own_units_and_rows_for_other_libraries_are_rejected()
    {
        var (main, _, _) = await CreateVarnamoAsync();
        var coordinator = await Factory.ClientAsAsync("samordnare@varnamo.example.se", (Role.Coordinator, main.ParentId));
        var counties = await (await Client.GetAsync($"{LibraryBuilder.Url}?type=County")).ShouldBeAsync<PagedList<LibraryDto>>(HttpStatusCode.OK);
        var gnosjo = await Client.CreateMunicipalityAsync(counties.Items[0].Id, "Gnosjö", "0617");
        await Client.CreateUnitAsync(gnosjo.Id, "MainLibrary", "Gnosjö bibliotek", 4);

        var report = await (await ImportAsync(Roster + "\nLars Dal;lars@gnosjo.example.se;Gnosjö bibliotek;;", client: coordinator))
            .ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);

        report.Created.ShouldBe(3);
        report.Rejected.ShouldHaveSingleItem().Reason.ShouldContain("no library unit 'Gnosjö bibliotek'");
    }
}
