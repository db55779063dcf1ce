using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Common.Spreadsheets;
using EnSakITaget.Application.Participants.ImportStaff;

namespace EnSakITaget.Application.UnitTests.Participants;

public sealed class StaffWorkbookTests
{
    [Fact]
    public void Text_that_xml_cannot_carry_comes_back_from_a_workbook_as_it_was_written()
    {
        string[] texts = ["a\u0001b", "c\rd", "e_x0041_f", "g\u0000h", "=1+1", "😀 Åsa"];
        var bytes = XlsxSpreadsheet.Write(new Spreadsheet(new SpreadsheetTable("roster", ["Namn", "E-post", "Enhet", "Titel", "Chef", "Övrigt"], [texts])));

        var lines = StaffWorkbook.Lines(bytes);

        lines.Select(l => l.Line).ShouldBe([1, 2]);
        lines[1].Cells.ShouldBe(texts);
    }

    [Fact]
    public void A_workbook_whose_sheet_unpacks_to_more_than_the_limit_is_refused_and_not_read()
    {
        var rows = Enumerable.Range(0, 500).Select(i => (IReadOnlyList<object?>)[$"Person {i} {new string('x', 100)}", $"p{i}@example.se", "Bokbussen"]).ToList();
        var bytes = XlsxSpreadsheet.Write(new Spreadsheet(new SpreadsheetTable("roster", ["Namn", "E-post", "Enhet"], rows)));

        StaffWorkbook.Lines(bytes).Count.ShouldBe(501);
        Should.Throw<ValidationException>(() => StaffWorkbook.Lines(bytes, maxCharactersInPart: 20_000)).Errors.Keys.ShouldBe(["file"]);
    }
}
