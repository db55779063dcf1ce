using EnSakITaget.Application.Common.Spreadsheets;
using EnSakITaget.Domain.Feedback;

namespace EnSakITaget.Application.Feedback;

/// <summary>
/// A survey summary as tables: the summary's own figures, the questions, the rating counts,
/// the choices, the free-text answers and the self-assessment, each row of the last four keyed by
/// its <c>questionId</c>. Columns are named as in the JSON answer.
/// </summary>
public static class SurveySummarySpreadsheet
{
    public static Spreadsheet Of(SurveySummaryDto summary) => new(
        SpreadsheetTable.Of("summary", [summary]),
        SpreadsheetTable.Of("questions", summary.Questions),
        SpreadsheetTable.Of("ratingCounts", summary.Questions.SelectMany(q => (q.RatingCounts ?? [])
            .Select((count, i) => new { q.QuestionId, Rating = i + SurveyQuestion.MinRating, Count = count }))),
        SpreadsheetTable.Of("choices", summary.Questions.SelectMany(q => (q.Choices ?? [])
            .Select(c => new { q.QuestionId, c.Choice, c.TextSv, c.TextEn, c.Count }))),
        SpreadsheetTable.Of("texts", summary.Questions.SelectMany(q => (q.Texts ?? []).Select(t => new { q.QuestionId, t.Text, t.Name }))),
        SpreadsheetTable.Of("selfAssessment", summary.SelfAssessment));
}
