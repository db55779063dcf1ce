namespace EnSakITaget.Domain.Feedback;

public enum SurveyPhase
{
    /// <summary>The self-assessment before the participant has reported anything.</summary>
    Before,

    /// <summary>The closing survey.</summary>
    Closing,
}

/// <summary>One answer: a rating, a choice (its index), or a text, as the question asks.</summary>
public sealed record AnswerInput(Guid QuestionId, int? Rating, int? Choice, string? Text);

/// <summary>Why an answer does not fit its question; <paramref name="Field"/> names it as the request did (<c>answers[2].rating</c>).</summary>
public sealed record AnswerProblem(string Field, string Message);

/// <summary>An answer as stored, inside its response.</summary>
public sealed class SurveyAnswer
{
    private SurveyAnswer()
    {
    }

    public Guid QuestionId { get; private set; }
    public int? Rating { get; private set; }
    public int? Choice { get; private set; }
    public string? Text { get; private set; }

    internal static SurveyAnswer From(AnswerInput input) => new()
    {
        QuestionId = input.QuestionId,
        Rating = input.Rating,
        Choice = input.Choice,
        Text = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim(),
    };
}
