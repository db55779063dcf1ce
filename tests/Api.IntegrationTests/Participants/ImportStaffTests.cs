using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
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

    private static readonly object?[][] RosterRows =
    [
        ["Namn", "E-post", "Enhet", "Titel", "Chef"],
        ["Anna Ek", "anna.ek@varnamo.example.se", "Värnamo stadsbibliotek", "Bibliotekarie", false],
        ["Bo Ström", "bo.strom@varnamo.example.se", "Bors bibliotek", new Inline("Bibliotekschef"), true],
        ["Cecilia Ås", "cecilia.as@varnamo.example.se", "Bokbussen", "Biblioteksassistent", null],
    ];

    [Fact]
    public async Task A_workbook_from_excel_is_read_from_its_first_sheet_like_a_csv_as_the_body_or_as_a_form_field()
    {
        var (main, bor, bookmobile) = await CreateVarnamoAsync();
        var workbook = Workbook(RosterRows);

        var dryRun = await (await ImportBytesAsync(workbook, SpreadsheetFiles.Xlsx, dryRun: true)).ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);
        var imported = await (await ImportFormAsync(workbook, "application/octet-stream", "personal.xlsx")).ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);

        (dryRun.Created, dryRun.Rejected.Count).ShouldBe((3, 0));
        (imported.Created, imported.Rejected.Count).ShouldBe((3, 0));
        var staff = (await StaffAsync()).Items;
        staff.Single(s => s.Name == "Anna Ek").ShouldSatisfyAllConditions(s => s.UnitId.ShouldBe(main.Id), s => s.IsManager.ShouldBeFalse());
        staff.Single(s => s.Name == "Bo Ström").ShouldSatisfyAllConditions(
            s => s.UnitId.ShouldBe(bor.Id), s => s.IsManager.ShouldBeTrue(), s => s.Title.ShouldBe("Bibliotekschef"));
        staff.Single(s => s.Name == "Cecilia Ås").UnitId.ShouldBe(bookmobile.Id);
    }

    [Fact]
    public async Task Empty_rows_that_excel_leaves_after_the_last_are_passed_over_in_a_csv_and_in_a_workbook()
    {
        await CreateVarnamoAsync();
        var workbook = Workbook([.. RosterRows, [Blank, Blank, Blank, Blank, Blank], ["", "", "", "", ""], [" ", null, null, null, Blank]]);

        var fromCsv = await (await ImportAsync(Roster + "\n;;;;\n;;;;\n ; ; ; ; \n")).ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);
        var fromWorkbook = await (await ImportBytesAsync(workbook, SpreadsheetFiles.Xlsx)).ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);

        (fromCsv.Created, fromCsv.Rejected.Count).ShouldBe((3, 0));
        (fromWorkbook.Unchanged, fromWorkbook.Rejected.Count).ShouldBe((3, 0));
    }

    [Fact]
    public async Task A_cell_with_a_nul_character_rejects_its_row_by_line_and_the_other_rows_import()
    {
        await CreateVarnamoAsync();
        var csv = Roster.Replace("Bo Ström;", "Bo\0 Ström;", StringComparison.Ordinal);
        // Excel writes a character that XML cannot carry as _xHHHH_.
        object?[][] rows = [.. RosterRows.Take(2), ["Bo Ström", "bo.strom@varnamo.example.se", "Bors bibliotek", new Inline("Biblioteks_x0000_chef"), true], RosterRows[3]];

        var fromCsv = await (await ImportAsync(csv)).ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);
        var fromWorkbook = await (await ImportBytesAsync(Workbook(rows), SpreadsheetFiles.Xlsx)).ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);

        fromCsv.Created.ShouldBe(2);
        fromCsv.Rejected.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.Line.ShouldBe(3), r => r.Email.ShouldBe("bo.strom@varnamo.example.se"), r => r.Reason.ShouldContain("NUL character"));
        (fromWorkbook.Unchanged, fromWorkbook.Rejected.Single().Line).ShouldBe((2, 3));
        (await StaffAsync()).Items.Select(s => s.Name).ShouldBe(["Anna Ek", "Cecilia Ås"], ignoreOrder: true);
    }

    public static TheoryData<string, byte[], bool> NeitherCsvNorWorkbook() => new()
    {
        { "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], false },
        { "application/pdf", "%PDF-1.7\n1 0 obj\n"u8.ToArray(), false },
        { "application/json", "{\"name\":\"Anna\"}"u8.ToArray(), false },
        { "application/octet-stream", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], true },
        { "application/vnd.ms-excel", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], true },
        { "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], true },
    };

    [Theory]
    [MemberData(nameof(NeitherCsvNorWorkbook))]
    public async Task An_upload_that_is_neither_csv_nor_a_workbook_is_415_naming_the_formats_accepted(string contentType, byte[] content, bool asForm)
    {
        await CreateVarnamoAsync();
        var before = await SnapshotDataAsync();

        var response = asForm ? await ImportFormAsync(content, contentType, "personal.bin") : await ImportBytesAsync(content, contentType);

        var detail = (await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType)).GetProperty("detail").GetString()!;
        detail.ShouldSatisfyAllConditions(d => d.ShouldContain("text/csv"), d => d.ShouldContain(".xlsx"), d => d.ShouldContain(SpreadsheetFiles.Xlsx));
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_damaged_workbook_answers_400_naming_the_file()
    {
        await CreateVarnamoAsync();
        var before = await SnapshotDataAsync();
        var damaged = Workbook(RosterRows)[..200];

        await (await ImportBytesAsync(damaged, SpreadsheetFiles.Xlsx)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "file");
        await (await ImportBytesAsync([.. "PK\u0003\u0004"u8, .. new byte[64]], "application/octet-stream")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "file");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_upload_is_described_as_a_file_that_swagger_ui_offers_a_file_picker_for()
    {
        var document = await (await Client.GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        var body = document.GetProperty("paths").GetProperty(Url).GetProperty("post").GetProperty("requestBody");
        var form = body.GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        var file = form.GetProperty("properties").GetProperty("file");
        (file.GetProperty("type").GetString(), file.GetProperty("format").GetString()).ShouldBe(("string", "binary"));
        form.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["file"]);
        body.GetProperty("content").EnumerateObject().Select(c => c.Name).ShouldBe(["multipart/form-data", "text/csv", SpreadsheetFiles.Xlsx], ignoreOrder: true);
        document.GetProperty("paths").GetProperty(Url).GetProperty("post").GetProperty("responses").TryGetProperty("415", out _).ShouldBeTrue();
    }

    private Task<HttpResponseMessage> ImportBytesAsync(byte[] content, string contentType, bool dryRun = false)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return Client.PostAsync($"{Url}?dryRun={dryRun}", body);
    }

    private async Task<HttpResponseMessage> ImportFormAsync(byte[] content, string contentType, string fileName)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var form = new MultipartFormDataContent { { file, "file", fileName } };
        return await Client.PostAsync(Url, form);
    }

    /// <summary>A cell written as an inline string rather than a shared one.</summary>
    private sealed record Inline(string Text);

    /// <summary>A cell that Excel keeps for its formatting, with no value.</summary>
    private static readonly object Blank = new();

    /// <summary>A workbook as Excel saves one: text in shared strings, yes/no as booleans, and a second sheet that is not the roster.</summary>
    private static byte[] Workbook(IEnumerable<object?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var data = new SheetData();
            uint number = 1;
            foreach (var row in rows)
            {
                var line = new Row { RowIndex = number };
                for (var c = 0; c < row.Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{number}";
                    switch (row[c])
                    {
                        case string text:
                            strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(text)));
                            line.Append(new Cell
                            {
                                CellReference = reference, DataType = CellValues.SharedString,
                                CellValue = new CellValue((strings.SharedStringTable.ChildElements.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                            });
                            break;
                        case Inline inline:
                            line.Append(new Cell(new InlineString(new Text(inline.Text))) { CellReference = reference, DataType = CellValues.InlineString });
                            break;
                        case bool flag:
                            line.Append(new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") });
                            break;
                        case { } when row[c] == Blank:
                            line.Append(new Cell { CellReference = reference, StyleIndex = 0 });
                            break;
                    }
                }

                data.Append(line);
                number++;
            }

            var roster = workbook.AddNewPart<WorksheetPart>();
            roster.Worksheet = new Worksheet(data);
            var other = workbook.AddNewPart<WorksheetPart>();
            other.Worksheet = new Worksheet(new SheetData(new Row(new Cell(new InlineString(new Text("Inte personalen"))) { CellReference = "A1", DataType = CellValues.InlineString }) { RowIndex = 1 }));
            workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new Sheets(
                new Sheet { Id = workbook.GetIdOfPart(roster), SheetId = 1, Name = "Personal" },
                new Sheet { Id = workbook.GetIdOfPart(other), SheetId = 2, Name = "Anteckningar" }));
        }

        return stream.ToArray();
    }
}
