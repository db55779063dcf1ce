using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using EnSakITaget.Application.Common.Spreadsheets;

namespace EnSakITaget.Application.UnitTests.Common.Spreadsheets;

public sealed class XlsxSpreadsheetTests
{
    private static readonly Spreadsheet Statistics = new(
        new SpreadsheetTable(
            "things",
            ["title", "releasedAt", "reported", "completionRate", "isManager", "change"],
            [
                ["=HYPERLINK(\"http://evil.example/\",\"x\")", new DateTimeOffset(2010, 2, 22, 23, 0, 0, TimeSpan.Zero), 2, 0.6667, true, -1.5],
                ["Bloggar", null, 0, 0.0, false, null],
            ]),
        new SpreadsheetTable("weeklyReports", ["weekStart", "reports"], [[new DateOnly(2010, 2, 22), 11]]));

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("en-US")]
    public void A_workbook_has_a_sheet_per_table_with_typed_cells_and_is_valid_open_xml_whatever_the_culture(string culture)
    {
        var bytes = CsvSpreadsheetTests.InCulture(culture, () => XlsxSpreadsheet.Write(Statistics));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        var workbook = document.WorkbookPart!;
        workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ShouldBe(["things", "weeklyReports"]);
        var things = Cells(workbook, "things");
        things["A1"].ShouldSatisfyAllConditions(c => c.DataType!.Value.ShouldBe(CellValues.InlineString), c => c.InnerText.ShouldBe("title"));
        things["A2"].ShouldSatisfyAllConditions(
            c => c.DataType!.Value.ShouldBe(CellValues.InlineString),
            c => c.InnerText.ShouldStartWith("=HYPERLINK"),
            c => Format(workbook, c).QuotePrefix!.Value.ShouldBeTrue());
        things["B2"].ShouldSatisfyAllConditions(
            c => c.DataType.ShouldBeNull(), c => c.CellValue!.Text.ShouldBe("40231.958333333336"), c => FormatCode(workbook, c).ShouldBe("yyyy-mm-dd hh:mm:ss \"UTC\""));
        (things["C2"].DataType, things["C2"].CellValue!.Text).ShouldBe((null, "2"));
        things["D2"].CellValue!.Text.ShouldBe("0.6667");
        (things["E2"].DataType!.Value, things["E2"].CellValue!.Text).ShouldBe((CellValues.Boolean, "1"));
        things["F2"].CellValue!.Text.ShouldBe("-1.5");
        things.ShouldNotContainKey("B3");
        var week = Cells(workbook, "weeklyReports");
        week["A2"].ShouldSatisfyAllConditions(c => c.CellValue!.Text.ShouldBe("40231"), c => FormatCode(workbook, c).ShouldBe("yyyy-mm-dd"));
        workbook.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()).ShouldBeEmpty();
    }

    [Fact]
    public void Sheet_names_keep_to_excel_s_rules()
    {
        var bytes = XlsxSpreadsheet.Write(new Spreadsheet(
            new SpreadsheetTable("a/b:c*d?e[f]g and a name longer than thirty-one", [], []),
            new SpreadsheetTable("A/B:C*D?E[F]G AND A NAME LONGER THAN THIRTY-ONE", [], [])));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ShouldBe(["a_b_c_d_e_f_g and a name longer", "A_B_C_D_E_F_G AND A NAME LO (2)"]);
        new OpenXmlValidator().Validate(document).ShouldBeEmpty();
    }

    private static Dictionary<string, Cell> Cells(WorkbookPart workbook, string sheet)
    {
        var id = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        return ((WorksheetPart)workbook.GetPartById(id)).Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
    }

    private static CellFormat Format(WorkbookPart workbook, Cell cell) =>
        workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    private static string? FormatCode(WorkbookPart workbook, Cell cell) =>
        workbook.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .SingleOrDefault(f => f.NumberFormatId!.Value == Format(workbook, cell).NumberFormatId!.Value)?.FormatCode?.Value;
}
