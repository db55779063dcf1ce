using EnSakITaget.Domain.Feedback;

namespace EnSakITaget.Domain.UnitTests.Feedback;

/// <summary>A round's survey: settled before it opens, open to each participant when the rules say, and taking only answers that fit.</summary>
public sealed class SurveyTests
{
    private static readonly DateTimeOffset Now = new(2010, 6, 1, 9, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateOnly Today = new(2010, 6, 1);
    private static readonly Guid Anna = Guid.CreateVersion7();
    private static readonly Guid Overall = Guid.CreateVersion7();
    private static readonly Guid Format = Guid.CreateVersion7();
    private static readonly Guid Confidence = Guid.CreateVersion7();
    private static readonly Guid Comment = Guid.CreateVersion7();

    private static readonly RespondentState AfterTheClose = new(RoundClosed: true, HasCompleted: false, HasWithdrawn: false, ThingsReported: 3);
    private static readonly RespondentState Completed = new(RoundClosed: false, HasCompleted: true, HasWithdrawn: false, ThingsReported: 9);
    private static readonly RespondentState UnderWay = new(RoundClosed: false, HasCompleted: false, HasWithdrawn: false, ThingsReported: 2);
    private static readonly RespondentState NotBegun = new(RoundClosed: false, HasCompleted: false, HasWithdrawn: false, ThingsReported: 0);

    private static readonly IReadOnlyList<QuestionContent> Questions =
    [
        new(Overall, QuestionKind.Rating, "Helhetsbetyg", "Overall rating", Required: true, IsSelfAssessment: false, [], []),
        new(Format, QuestionKind.SingleChoice, "Formen", "The format", Required: false, IsSelfAssessment: false, ["Bra", "Dålig", "Vet ej"], ["Good", "Bad", "Don't know"]),
        new(Confidence, QuestionKind.Rating, "Hur säker känner du dig?", "How confident do you feel?", Required: false, IsSelfAssessment: true, [], []),
        new(Comment, QuestionKind.FreeText, "Något mer?", "Anything else?", Required: false, IsSelfAssessment: false, [], []),
    ];

    private static Survey Default() => Survey.CreateDefault(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Now.AddDays(-60));

    private static Survey Custom(bool anonymous = true, SurveyOpening opensWhen = SurveyOpening.RoundClosed, DateOnly? closesOn = null)
    {
        var survey = Default();
        survey.Change(new SurveySettings(anonymous, opensWhen, closesOn, Questions), roundClosed: false, anyoneCompleted: false, Now.AddDays(-59));
        return survey;
    }

    private static AnswerInput Rating(Guid question, int? rating) => new(question, rating, null, null);

    private static AnswerInput Choice(Guid question, int? choice) => new(question, null, choice, null);

    private static AnswerInput Text(Guid question, string? text) => new(question, null, null, text);

    private static (SurveyResponse Response, SurveyParticipation Participation) AnswerClosing(Survey survey, params AnswerInput[] answers) =>
        survey.Answer(SurveyPhase.Closing, Anna, AfterTheClose, answers, Today, Now);

    private static IEnumerable<string> FieldsRefused(Survey survey, SurveyPhase phase, RespondentState respondent, params AnswerInput[] answers) =>
        Should.Throw<SurveyAnswersException>(() => survey.Answer(phase, Anna, respondent, answers, Today, Now)).Problems.Select(p => p.Field);

    [Fact]
    public void A_round_s_default_survey_asks_the_report_s_three_questions_anonymously_when_the_round_closes()
    {
        var survey = Default();

        (survey.IsAnonymous, survey.OpensWhen, survey.ClosesOn, survey.OpenedAt, survey.HasSelfAssessment)
            .ShouldBe((true, SurveyOpening.RoundClosed, (DateOnly?)null, (DateTimeOffset?)null, false));
        survey.Questions.Select(q => q.Id).ShouldBe([Survey.WhatWasGood, Survey.WhatToChange, Survey.MostImportant]);
        survey.Questions.ShouldAllBe(q => q.Kind == QuestionKind.FreeText && !q.Required);
    }

    [Fact]
    public void Changing_a_survey_not_yet_opened_replaces_its_settings_and_questions_in_order()
    {
        var survey = Default();
        var revision = survey.Revision;

        survey.Change(new SurveySettings(false, SurveyOpening.ParticipantCompleted, Today.AddDays(30), Questions), false, false, Now);

        (survey.IsAnonymous, survey.OpensWhen, survey.ClosesOn, survey.UpdatedAt, survey.Revision)
            .ShouldBe((false, SurveyOpening.ParticipantCompleted, (DateOnly?)Today.AddDays(30), Now, revision + 1));
        survey.Questions.Select(q => (q.Id, q.Kind, q.TextSv, q.TextEn, q.Required, q.IsSelfAssessment))
            .ShouldBe(Questions.Select(q => (q.Id, q.Kind, q.TextSv, q.TextEn, q.Required, q.IsSelfAssessment)));
        survey.Questions[1].OptionsSv.ShouldBe(["Bra", "Dålig", "Vet ej"]);
        survey.Questions[1].OptionsEn.ShouldBe(["Good", "Bad", "Don't know"]);
        survey.HasSelfAssessment.ShouldBeTrue();
    }

    [Fact]
    public void Two_questions_with_one_id_are_refused()
    {
        var survey = Default();
        var twice = new[] { Questions[0], Questions[1] with { Id = Overall } };

        Should.Throw<SurveyRuleException>(() => survey.Change(new SurveySettings(true, SurveyOpening.RoundClosed, null, twice), false, false, Now))
            .Message.ShouldBe($"Two questions have the id {Overall}.");
        survey.Questions.Count.ShouldBe(3);
    }

    [Fact]
    public void A_survey_has_opened_once_answered_once_its_round_has_closed_or_once_someone_completed_when_it_opens_on_completion()
    {
        Default().HasOpened(roundClosed: false, anyoneCompleted: false).ShouldBeFalse();
        Default().HasOpened(roundClosed: false, anyoneCompleted: true).ShouldBeFalse();
        Default().HasOpened(roundClosed: true, anyoneCompleted: false).ShouldBeTrue();
        Custom(opensWhen: SurveyOpening.ParticipantCompleted).HasOpened(roundClosed: false, anyoneCompleted: true).ShouldBeTrue();

        var answered = Custom();
        AnswerClosing(answered, Rating(Overall, 4));
        answered.HasOpened(roundClosed: false, anyoneCompleted: false).ShouldBeTrue();
    }

    [Theory]
    [InlineData(SurveyOpening.RoundClosed, true, false)]
    [InlineData(SurveyOpening.ParticipantCompleted, false, true)]
    public void An_opened_survey_keeps_its_questions_and_its_anonymity(SurveyOpening opensWhen, bool roundClosed, bool anyoneCompleted)
    {
        var survey = Custom(anonymous: true, opensWhen);

        Should.Throw<SurveyRuleException>(() => survey.Change(new SurveySettings(false, opensWhen, null, Questions), roundClosed, anyoneCompleted, Now))
            .Message.ShouldContain("can no longer change");

        survey.IsAnonymous.ShouldBeTrue();
    }

    [Fact]
    public void The_first_answer_settles_the_survey_even_before_its_round_closes()
    {
        var survey = Custom(anonymous: true, SurveyOpening.ParticipantCompleted);
        survey.Answer(SurveyPhase.Closing, Anna, Completed, [Rating(Overall, 5)], Today, Now);

        survey.OpenedAt.ShouldBe(Now);
        Should.Throw<SurveyRuleException>(() => survey.Change(new SurveySettings(false, SurveyOpening.ParticipantCompleted, null, Questions), false, false, Now));
        survey.Answer(SurveyPhase.Closing, Guid.CreateVersion7(), Completed, [Rating(Overall, 3)], Today, Now.AddDays(1));
        survey.OpenedAt.ShouldBe(Now);
    }

    [Fact]
    public void An_anonymous_response_keeps_no_respondent_but_the_participation_is_recorded_to_prevent_a_second_answer()
    {
        var (response, participation) = AnswerClosing(Custom(anonymous: true), Rating(Overall, 4));

        (response.RespondentId, response.Phase, response.SubmittedOn).ShouldBe(((Guid?)null, SurveyPhase.Closing, Today));
        (participation.StaffMemberId, participation.Phase, participation.SurveyId).ShouldBe((Anna, SurveyPhase.Closing, response.SurveyId));
    }

    [Fact]
    public void A_named_response_keeps_its_respondent()
    {
        AnswerClosing(Custom(anonymous: false), Rating(Overall, 4)).Response.RespondentId.ShouldBe(Anna);
    }

    [Fact]
    public void The_answers_are_stored_as_given_with_texts_trimmed()
    {
        var (response, _) = AnswerClosing(Custom(), Rating(Overall, 4), Choice(Format, 2), Text(Comment, "  Tack!  "));

        response.Answers.Select(a => (a.QuestionId, a.Rating, a.Choice, a.Text))
            .ShouldBe([(Overall, 4, null, null), (Format, null, 2, null), (Comment, null, null, "Tack!")]);
    }

    [Fact]
    public void A_withdrawn_participant_cannot_answer()
    {
        Should.Throw<SurveyRuleException>(() => Custom().Answer(SurveyPhase.Closing, Anna, AfterTheClose with { HasWithdrawn = true }, [Rating(Overall, 4)], Today, Now))
            .Message.ShouldBe("You have withdrawn from the round.");
    }

    [Fact]
    public void A_survey_takes_answers_on_its_last_day_and_not_after()
    {
        var survey = Custom(closesOn: Today);

        Should.NotThrow(() => survey.Answer(SurveyPhase.Closing, Anna, AfterTheClose, [Rating(Overall, 4)], Today, Now));
        Should.Throw<SurveyRuleException>(() => survey.Answer(SurveyPhase.Closing, Anna, AfterTheClose, [Rating(Overall, 4)], Today.AddDays(1), Now.AddDays(1)))
            .Message.ShouldBe("The survey closed on 2010-06-01.");
    }

    [Fact]
    public void A_survey_that_opens_when_the_round_closes_takes_no_closing_answer_before_even_from_someone_who_completed()
    {
        Should.Throw<SurveyRuleException>(() => Custom().Answer(SurveyPhase.Closing, Anna, Completed, [Rating(Overall, 4)], Today, Now))
            .Message.ShouldBe("The survey opens when the round closes.");
    }

    [Fact]
    public void A_survey_that_opens_on_completion_takes_the_answer_of_someone_who_completed_and_not_of_someone_under_way()
    {
        var survey = Custom(opensWhen: SurveyOpening.ParticipantCompleted);

        Should.Throw<SurveyRuleException>(() => survey.Answer(SurveyPhase.Closing, Anna, UnderWay, [Rating(Overall, 4)], Today, Now))
            .Message.ShouldBe("The survey opens for you when you have completed the round.");
        survey.OpenedAt.ShouldBeNull();
        Should.NotThrow(() => survey.Answer(SurveyPhase.Closing, Anna, Completed, [Rating(Overall, 4)], Today, Now));
    }

    [Theory]
    [InlineData(SurveyOpening.RoundClosed)]
    [InlineData(SurveyOpening.ParticipantCompleted)]
    public void Once_the_round_has_closed_everyone_not_withdrawn_may_answer_completed_or_not(SurveyOpening opensWhen)
    {
        Should.NotThrow(() => Custom(opensWhen: opensWhen).Answer(SurveyPhase.Closing, Anna, AfterTheClose with { HasCompleted = false }, [Rating(Overall, 4)], Today, Now));
    }

    [Fact]
    public void The_self_assessment_before_the_course_asks_only_its_own_questions_before_the_first_report()
    {
        var (response, participation) = Custom().Answer(SurveyPhase.Before, Anna, NotBegun, [Rating(Confidence, 2)], Today, Now);

        (response.Phase, participation.Phase, response.Answers.Single().Rating).ShouldBe((SurveyPhase.Before, SurveyPhase.Before, 2));
        Should.Throw<SurveyAnswersException>(() => Custom().Answer(SurveyPhase.Before, Anna, NotBegun, [Rating(Overall, 4)], Today, Now))
            .Problems.Single().ShouldBe(new AnswerProblem("answers[0].questionId", $"The survey asks no question {Overall} before the course."));
    }

    [Fact]
    public void The_self_assessment_is_refused_after_the_first_report_or_once_the_round_has_closed()
    {
        Should.Throw<SurveyRuleException>(() => Custom().Answer(SurveyPhase.Before, Anna, UnderWay, [Rating(Confidence, 2)], Today, Now))
            .Message.ShouldBe("The self-assessment before the course is answered before your first report.");
        Should.Throw<SurveyRuleException>(() => Custom().Answer(SurveyPhase.Before, Anna, NotBegun with { RoundClosed = true }, [Rating(Confidence, 2)], Today, Now))
            .Message.ShouldBe("The self-assessment before the course is answered before your first report.");
    }

    [Fact]
    public void A_survey_without_a_self_assessment_takes_nothing_before_the_course()
    {
        Should.Throw<SurveyRuleException>(() => Default().Answer(SurveyPhase.Before, Anna, NotBegun, [Text(Survey.WhatWasGood, "?")], Today, Now))
            .Message.ShouldBe("This survey has no self-assessment to answer before the course.");
    }

    [Fact]
    public void The_closing_survey_asks_the_self_assessment_again()
    {
        Should.NotThrow(() => AnswerClosing(Custom(), Rating(Overall, 4), Rating(Confidence, 5)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void A_rating_from_one_to_five_is_taken(int rating)
    {
        AnswerClosing(Custom(), Rating(Overall, rating)).Response.Answers.Single().Rating.ShouldBe(rating);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    [InlineData(null)]
    public void A_rating_outside_one_to_five_or_none_is_refused_naming_it(int? rating)
    {
        var problem = Should.Throw<SurveyAnswersException>(() => AnswerClosing(Custom(), Rating(Overall, rating))).Problems.Single();

        problem.ShouldBe(new AnswerProblem("answers[0].rating", "The question takes a rating from 1 to 5."));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(null)]
    public void A_choice_is_an_index_into_the_question_s_choices(int? choice)
    {
        FieldsRefused(Custom(), SurveyPhase.Closing, AfterTheClose, Rating(Overall, 4), Choice(Format, choice)).ShouldBe(["answers[1].choice"]);
        Should.NotThrow(() => AnswerClosing(Custom(), Rating(Overall, 4), Choice(Format, 0)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_free_text_answer_needs_a_text(string? text)
    {
        FieldsRefused(Custom(), SurveyPhase.Closing, AfterTheClose, Rating(Overall, 4), Text(Comment, text)).ShouldBe(["answers[1].text"]);
    }

    [Fact]
    public void A_free_text_answer_is_at_most_the_survey_s_text_length()
    {
        Should.NotThrow(() => AnswerClosing(Custom(), Rating(Overall, 4), Text(Comment, new string('a', Survey.MaxTextLength))));
        FieldsRefused(Custom(), SurveyPhase.Closing, AfterTheClose, Rating(Overall, 4), Text(Comment, new string('a', Survey.MaxTextLength + 1)))
            .ShouldBe(["answers[1].text"]);
    }

    [Fact]
    public void An_answer_of_another_kind_than_its_question_is_refused_naming_the_answer()
    {
        var problems = Should.Throw<SurveyAnswersException>(() => AnswerClosing(Custom(),
            new AnswerInput(Overall, 4, 1, null), new AnswerInput(Format, null, 1, "Bra"), new AnswerInput(Comment, 3, null, "Tack"))).Problems;

        problems.ShouldBe([
            new AnswerProblem("answers[0]", "The question is answered with a rating only."),
            new AnswerProblem("answers[1]", "The question is answered with a choice only."),
            new AnswerProblem("answers[2]", "The question is answered with a text only."),
        ]);
    }

    [Fact]
    public void A_question_the_survey_does_not_ask_is_refused_naming_it()
    {
        var stranger = Guid.CreateVersion7();

        Should.Throw<SurveyAnswersException>(() => AnswerClosing(Custom(), Rating(Overall, 4), Text(stranger, "?"))).Problems
            .ShouldBe([new AnswerProblem("answers[1].questionId", $"The survey asks no question {stranger}.")]);
    }

    [Fact]
    public void A_question_answered_twice_is_refused_naming_the_second()
    {
        FieldsRefused(Custom(), SurveyPhase.Closing, AfterTheClose, Rating(Overall, 4), Rating(Overall, 5)).ShouldBe(["answers[1].questionId"]);
    }

    [Fact]
    public void A_required_question_left_out_is_refused_by_its_text()
    {
        Should.Throw<SurveyAnswersException>(() => AnswerClosing(Custom(), Choice(Format, 0))).Problems
            .ShouldBe([new AnswerProblem("answers", "The question \"Overall rating\" must be answered.")]);
    }

    [Fact]
    public void Every_misfit_is_named_at_once_and_a_refused_answer_does_not_open_the_survey()
    {
        var survey = Custom();

        var misfit = Should.Throw<SurveyAnswersException>(() => AnswerClosing(survey, Rating(Overall, 9), Choice(Format, 7), Text(Guid.CreateVersion7(), "?")));

        misfit.Problems.Select(p => p.Field).ShouldBe(["answers[0].rating", "answers[1].choice", "answers[2].questionId"]);
        misfit.Message.ShouldContain("The question takes a rating from 1 to 5.");
        survey.OpenedAt.ShouldBeNull();
    }

    [Fact]
    public void An_anonymous_response_has_a_random_id_that_does_not_tell_when_it_came()
    {
        var survey = Custom();
        var first = AnswerClosing(survey, Rating(Overall, 4)).Response.Id;

        first.Version.ShouldBe(4);
    }
}
