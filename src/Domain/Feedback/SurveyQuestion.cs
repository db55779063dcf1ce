namespace EnSakITaget.Domain.Feedback;

public enum QuestionKind
{
    FreeText,
    Rating,
    SingleChoice,
}

/// <summary>What a survey's question says, in Swedish and English, and how it is answered.</summary>
/// <param name="OptionsSv">For a single choice: the choices in Swedish; <c>OptionsEn</c> has them in English, in the same order.</param>
/// <param name="IsSelfAssessment">A rating asked before the kick-off and again at the end, to show the change.</param>
public sealed record QuestionContent(
    Guid Id, QuestionKind Kind, string TextSv, string TextEn, bool Required, bool IsSelfAssessment,
    IReadOnlyList<string> OptionsSv, IReadOnlyList<string> OptionsEn);

/// <summary>One question of a survey, in its order.</summary>
public sealed class SurveyQuestion
{
    public const int MinRating = 1;
    public const int MaxRating = 5;

    private SurveyQuestion()
    {
    }

    /// <summary>The same id in every round for the default questions, so a course's rounds add up.</summary>
    public Guid Id { get; private set; }

    public QuestionKind Kind { get; private set; }
    public string TextSv { get; private set; } = string.Empty;
    public string TextEn { get; private set; } = string.Empty;
    public bool Required { get; private set; }
    public bool IsSelfAssessment { get; private set; }
    public IReadOnlyList<string> OptionsSv { get; private set; } = [];
    public IReadOnlyList<string> OptionsEn { get; private set; } = [];

    public QuestionContent Content => new(Id, Kind, TextSv, TextEn, Required, IsSelfAssessment, OptionsSv, OptionsEn);

    internal static SurveyQuestion From(QuestionContent content) => new()
    {
        Id = content.Id,
        Kind = content.Kind,
        TextSv = content.TextSv,
        TextEn = content.TextEn,
        Required = content.Required,
        IsSelfAssessment = content.IsSelfAssessment,
        OptionsSv = [.. content.OptionsSv],
        OptionsEn = [.. content.OptionsEn],
    };
}
