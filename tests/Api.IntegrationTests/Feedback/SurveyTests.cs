using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Participants;
using EnSakITaget.Application.Feedback;
using EnSakITaget.Application.Feedback.AnswerSurvey;
using EnSakITaget.Domain.Feedback;
using EnSakITaget.Domain.Identity;
using Npgsql;

namespace EnSakITaget.Api.IntegrationTests.Feedback;

public sealed class SurveyTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly Guid Confidence = new("c0ffee00-0000-4000-8000-000000000001");
    private static readonly Guid Overall = new("c0ffee00-0000-4000-8000-000000000002");
    private static readonly Guid Format = new("c0ffee00-0000-4000-8000-000000000003");

    [Fact]
    public async Task A_round_s_survey_asks_the_report_s_three_questions_in_swedish_and_english_until_changed()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");

        var seenByCoordinator = await SurveyAsync(Client, round);
        var seenByAnna = await SurveyAsync(anna.Client, round);

        seenByCoordinator.ShouldSatisfyAllConditions(
            s => s.IsStored.ShouldBeFalse(), s => s.IsAnonymous.ShouldBeTrue(), s => s.OpensWhen.ShouldBe(SurveyOpening.RoundClosed));
        seenByCoordinator.Questions.Select(q => (q.Kind, q.TextSv, q.TextEn)).ShouldBe(
        [
            (QuestionKind.FreeText, "Vad var bra med kursen?", "What was good about the course?"),
            (QuestionKind.FreeText, "Vad kunde vi ha gjort annorlunda?", "What could we have done differently?"),
            (QuestionKind.FreeText, "Vad är det viktigaste du har lärt dig?", "What is the most important thing you learned?"),
        ]);
        seenByAnna.Mine.ShouldBe(new MyAnswersDto(false, false));
    }

    [Fact]
    public async Task The_survey_changes_before_it_opens_and_never_after()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");

        var changed = await (await Client.PutJsonAsync($"{round.Url}/survey", CustomSurvey(anonymous: false))).ShouldBeAsync<SurveyDto>(HttpStatusCode.OK);
        await CloseAsync(round);
        await AnswerAsync(anna, round, Answer(Overall, rating: 4), Answer(Format, choice: 0));
        var before = await SnapshotDataAsync();
        var refused = await Client.PutJsonAsync($"{round.Url}/survey", CustomSurvey(anonymous: true));

        changed.Questions.Select(q => q.Id).ShouldBe([Confidence, Overall, Format, Survey.WhatWasGood]);
        changed.IsAnonymous.ShouldBeFalse();
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()
            .ShouldBe("The survey has opened: its questions and whether it is anonymous can no longer change.");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_anonymous_answer_is_stored_with_no_link_to_its_author_not_even_in_the_database()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        await CloseAsync(round);

        var receipt = await AnswerAsync(anna, round, Answer(Survey.WhatWasGood, text: "Att få prova i egen takt."));

        receipt.IsAnonymous.ShouldBeTrue();
        await using var connection = await Factory.Database.OpenAsync();
        var responses = await RowsAsync(connection, "SELECT r::text FROM feedback.survey_responses r");
        var row = responses.ShouldHaveSingleItem();
        row.ShouldContain("Att få prova i egen takt.");
        var me = await (await anna.Client.GetAsync("/api/v1/me")).ShouldBeAsync<Application.Identity.GetMe.MeDto>(HttpStatusCode.OK);
        foreach (var trace in new[] { anna.Id.ToString(), me.Id.ToString(), anna.Staff.Email, "Anna" })
        {
            row.ShouldNotContain(trace, Case.Insensitive);
        }

        var respondentColumn = await RowsAsync(connection, "SELECT coalesce(respondent_id::text, 'null') FROM feedback.survey_responses");
        respondentColumn.ShouldBe(["null"]);
        var participation = (await RowsAsync(connection, "SELECT p::text FROM feedback.survey_participations p")).ShouldHaveSingleItem();
        participation.ShouldContain(anna.Id.ToString());
        participation.ShouldNotContain(responses[0].Split(',')[0].TrimStart('('));
        (await RowsAsync(connection, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'feedback' AND table_name = 'survey_participations' ORDER BY 1"))
            .ShouldBe(["phase", "round_library_id", "staff_member_id", "survey_id"]);
    }

    [Fact]
    public async Task A_participant_answers_once_only_while_the_survey_is_open()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var cecilia = await round.EnrolAsync("Cecilia Ås", enrol: false);
        var tooEarly = await PostAnswerAsync(anna, round, Answer(Survey.WhatWasGood, text: "Redan nu?"));
        await CloseAsync(round);

        await AnswerAsync(anna, round, Answer(Survey.WhatWasGood, text: "Bra."));
        var second = await PostAnswerAsync(anna, round, Answer(Survey.WhatWasGood, text: "Igen."));
        var outsider = await PostAnswerAsync(cecilia, round, Answer(Survey.WhatWasGood, text: "Jag var inte med."));

        (await tooEarly.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldBe("The survey opens when the round closes.");
        (await second.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()
            .ShouldBe("You have already answered the survey: one answer per participant.");
        await outsider.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await SurveyAsync(anna.Client, round)).Mine.ShouldBe(new MyAnswersDto(false, true));
    }

    [Fact]
    public async Task A_coordinator_who_takes_part_in_the_round_answers_its_survey_like_anyone_else()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var staff = await (await Client.PostJsonAsync("/api/v1/participants", new { name = "Sara Samordnare", email = "sara@varnamo.example.se", unitId = round.Bor }))
            .ShouldBeAsync<Application.Participants.StaffMemberDto>(HttpStatusCode.Created);
        (await Client.PostJsonAsync($"{round.Url}/enrolments", new { participantIds = new[] { staff.Id } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var sara = new Participant(staff, await Factory.ClientAsAsync("sara@varnamo.example.se", (Role.Coordinator, round.Varnamo)));
        await CloseAsync(round);

        await AnswerAsync(sara, round, Answer(Survey.WhatWasGood, text: "Att leda och delta."));

        (await SurveyAsync(sara.Client, round)).Mine.ShouldBe(new MyAnswersDto(false, true));
    }

    [Fact]
    public async Task A_survey_past_its_closing_day_takes_no_answer()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        (await Client.PutJsonAsync($"{round.Url}/survey", CustomSurvey(anonymous: true, closesOn: "2010-03-31"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await CloseAsync(round);
        Factory.Clock.SetLocal(new DateOnly(2010, 4, 1));

        var late = await PostAnswerAsync(anna, round, Answer(Overall, rating: 3), Answer(Format, choice: 1));

        (await late.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldBe("The survey closed on 2010-03-31.");
    }

    [Fact]
    public async Task Opening_on_completion_lets_a_participant_answer_once_they_have_reported_every_thing()
    {
        var round = await RunningRound.StartAsync(Factory, Client, workAheadAllowed: true);
        var anna = await round.EnrolAsync("Anna Ek");
        var bo = await round.EnrolAsync("Bo Ström");
        var settings = CustomSurvey(anonymous: true, opensWhen: "ParticipantCompleted");
        (await Client.PutJsonAsync($"{round.Url}/survey", settings)).StatusCode.ShouldBe(HttpStatusCode.OK);
        for (var position = 1; position <= round.Things.Count; position++)
        {
            await anna.ReportAsync(round, position);
        }

        await AnswerAsync(anna, round, Answer(Overall, rating: 5), Answer(Format, choice: 0));
        var notYet = await PostAnswerAsync(bo, round, Answer(Overall, rating: 2), Answer(Format, choice: 1));

        (await notYet.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()
            .ShouldBe("The survey opens for you when you have completed the round.");
        await (await Client.PutJsonAsync($"{round.Url}/survey", settings)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Answers_that_do_not_fit_the_questions_are_refused_naming_each_and_nothing_is_stored()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        (await Client.PutJsonAsync($"{round.Url}/survey", CustomSurvey(anonymous: true))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await CloseAsync(round);
        var before = await SnapshotDataAsync();

        var misfit = await PostAnswerAsync(anna, round,
            Answer(Overall), Answer(Format, choice: 3), Answer(Guid.NewGuid(), text: "?"), Answer(Survey.WhatWasGood, rating: 2));
        var missingRequired = await PostAnswerAsync(anna, round, Answer(Format, choice: 0));

        await misfit.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "answers[0].rating", "answers[1].choice", "answers[2].questionId", "answers[3]");
        await missingRequired.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "answers");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_summary_adds_up_a_known_set_of_named_answers_and_its_csv_reads_back_the_same()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var people = new List<Participant>();
        foreach (var name in new[] { "Anna Ek", "Bo Ström", "Cecilia Ås", "David Alm", "Eva Berg" })
        {
            people.Add(await round.EnrolAsync(name));
        }

        (await Client.PutJsonAsync($"{round.Url}/survey", CustomSurvey(anonymous: false))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await CloseAsync(round);
        int[] ratings = [5, 4, 4, 2];
        int[] formats = [0, 0, 1, 0];
        for (var i = 0; i < 4; i++)
        {
            await AnswerAsync(people[i], round, Answer(Overall, rating: ratings[i]), Answer(Format, choice: formats[i]), Answer(Survey.WhatWasGood, text: $"Svar {i + 1}"));
        }

        var summary = await (await Client.GetAsync($"{round.Url}/survey/summary")).ShouldBeAsync<SurveySummaryDto>(HttpStatusCode.OK);

        (summary.Enrolled, summary.Responses, summary.ResponseRate, summary.IsAnonymous).ShouldBe((5, 4, 0.8, false));
        var overall = summary.Questions.Single(q => q.QuestionId == Overall);
        overall.RatingCounts.ShouldBe([0, 1, 0, 2, 1]);
        overall.Mean.ShouldBe(3.75);
        summary.Questions.Single(q => q.QuestionId == Format).Choices!.Select(c => (c.TextSv, c.Count)).ShouldBe([("Egen takt", 3), ("Kurstillfällen", 1)]);
        summary.Questions.Single(q => q.QuestionId == Survey.WhatWasGood).Texts.ShouldBe(
            [new("Svar 1", "Anna Ek"), new("Svar 2", "Bo Ström"), new("Svar 3", "Cecilia Ås"), new("Svar 4", "David Alm")]);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{round.Url}/survey/summary");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csvResponse = await Client.SendAsync(request);
        csvResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        csvResponse.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var tables = SpreadsheetFiles.CsvTables(bytes);
        tables.Keys.ShouldBe(["summary", "questions", "ratingCounts", "choices", "texts", "selfAssessment"]);
        tables["summary"].Single().ShouldSatisfyAllConditions(r => r["responses"].ShouldBe("4"), r => r["responseRate"].ShouldBe("0.8"));
        tables["ratingCounts"].Where(r => r["questionId"] == Overall.ToString()).Select(r => (r["rating"], r["count"]))
            .ShouldBe([("1", "0"), ("2", "1"), ("3", "0"), ("4", "2"), ("5", "1")]);
        tables["questions"].Single(r => r["questionId"] == Overall.ToString())["mean"].ShouldBe("3.75");
        tables["choices"].Select(r => (r["textSv"], r["count"])).ShouldBe([("Egen takt", "3"), ("Kurstillfällen", "1")]);
        tables["texts"].Select(r => (r["text"], r["name"])).ShouldBe(
            [("Svar 1", "Anna Ek"), ("Svar 2", "Bo Ström"), ("Svar 3", "Cecilia Ås"), ("Svar 4", "David Alm")]);
    }

    [Fact]
    public async Task An_anonymous_summary_shows_no_group_smaller_than_the_minimum()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var people = new List<Participant>();
        foreach (var name in new[] { "Anna Ek", "Bo Ström", "Cecilia Ås" })
        {
            people.Add(await round.EnrolAsync(name));
        }

        await CloseAsync(round);
        await AnswerAsync(people[0], round, Answer(Survey.WhatWasGood, text: "Bloggen."), Answer(Survey.MostImportant, text: "Att våga."));
        await AnswerAsync(people[1], round, Answer(Survey.WhatWasGood, text: "Tempot."));
        var two = await SummaryAsync(round);
        await AnswerAsync(people[2], round, Answer(Survey.WhatWasGood, text: "Kollegerna."));
        var three = await SummaryAsync(round);

        two.Responses.ShouldBe(2);
        two.Questions.ShouldAllBe(q => q.Texts == null || q.Texts.Count == 0);
        two.Questions.Where(q => q.Answers > 0).ShouldAllBe(q => q.Suppressed);
        var good = three.Questions.Single(q => q.QuestionId == Survey.WhatWasGood);
        good.Suppressed.ShouldBeFalse();
        good.Texts.ShouldBe([new("Bloggen.", null), new("Kollegerna.", null), new("Tempot.", null)]);
        three.Questions.Single(q => q.QuestionId == Survey.MostImportant).ShouldSatisfyAllConditions(q => q.Suppressed.ShouldBeTrue(), q => q.Texts.ShouldBeNull());
    }

    [Fact]
    public async Task The_self_assessment_before_the_course_and_at_its_end_shows_the_change_in_confidence()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var people = new List<Participant>();
        foreach (var name in new[] { "Anna Ek", "Bo Ström", "Cecilia Ås" })
        {
            people.Add(await round.EnrolAsync(name));
        }

        (await Client.PutJsonAsync($"{round.Url}/survey", CustomSurvey(anonymous: true))).StatusCode.ShouldBe(HttpStatusCode.OK);
        int[] before = [1, 2, 2];
        int[] after = [4, 4, 3];
        for (var i = 0; i < 3; i++)
        {
            await AnswerAsync(people[i], round, SurveyPhase.Before, Answer(Confidence, rating: before[i]));
        }

        await people[0].ReportAsync(round, 1);
        var afterFirstReport = await PostAnswerAsync(people[0], round, SurveyPhase.Before, Answer(Confidence, rating: 3));
        await CloseAsync(round);
        for (var i = 0; i < 3; i++)
        {
            await AnswerAsync(people[i], round, Answer(Confidence, rating: after[i]), Answer(Overall, rating: 4), Answer(Format, choice: 0));
        }

        var change = (await SummaryAsync(round)).SelfAssessment.ShouldHaveSingleItem();

        await afterFirstReport.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (change.BeforeAnswers, change.BeforeMean, change.AfterAnswers, change.AfterMean, change.Change).ShouldBe((3, 1.67, 3, 3.67, 2.0));
    }

    [Fact]
    public async Task A_county_admin_reads_the_surveys_of_all_rounds_of_a_course_added_up_and_a_coordinator_may_not()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var people = new List<Participant>();
        foreach (var name in new[] { "Anna Ek", "Bo Ström", "Cecilia Ås" })
        {
            people.Add(await round.EnrolAsync(name));
        }

        await CloseAsync(round);
        foreach (var person in people)
        {
            await AnswerAsync(person, round, Answer(Survey.WhatWasGood, text: $"Bra, sa {person.Staff.Name}"));
        }

        var counties = await (await Client.GetAsync("/api/v1/libraries?type=County")).ShouldBeAsync<Application.Common.Paging.PagedList<Application.Libraries.LibraryDto>>(HttpStatusCode.OK);
        var countyAdmin = await Factory.ClientAsAsync("lansadmin@test.local", (Role.CountyAdmin, counties.Items[0].Id));
        var coordinator = await Factory.ClientAsAsync("samordnare@varnamo.example.se", (Role.Coordinator, round.Varnamo));

        var summary = await (await countyAdmin.GetAsync($"/api/v1/courses/{round.Round.CourseId}/survey/summary")).ShouldBeAsync<SurveySummaryDto>(HttpStatusCode.OK);
        var refused = await coordinator.GetAsync($"/api/v1/courses/{round.Round.CourseId}/survey/summary");

        (summary.Rounds, summary.Enrolled, summary.Responses).ShouldBe((1, 3, 3));
        summary.Questions.Single(q => q.QuestionId == Survey.WhatWasGood).Texts!.ShouldAllBe(t => t.Name == null);
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private static object CustomSurvey(bool anonymous, string opensWhen = "RoundClosed", string? closesOn = null) => new
    {
        isAnonymous = anonymous,
        opensWhen,
        closesOn,
        questions = new object[]
        {
            new
            {
                id = Confidence, kind = "Rating", isSelfAssessment = true,
                textSv = "Hur säker känner du dig på sociala medier i arbetet?", textEn = "How confident are you using social media at work?",
            },
            new { id = Overall, kind = "Rating", required = true, textSv = "Hur var kursen som helhet?", textEn = "How was the course as a whole?" },
            new
            {
                id = Format, kind = "SingleChoice", textSv = "Hur vill du lära dig?", textEn = "How do you want to learn?",
                optionsSv = new[] { "Egen takt", "Kurstillfällen" }, optionsEn = new[] { "At my own pace", "In sessions" },
            },
            new { id = Survey.WhatWasGood, kind = "FreeText", textSv = "Vad var bra med kursen?", textEn = "What was good about the course?" },
        },
    };

    private static object Answer(Guid questionId, int? rating = null, int? choice = null, string? text = null) => new { questionId, rating, choice, text };

    private async Task CloseAsync(RunningRound round) =>
        (await Client.PostAsync($"{round.Url}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

    private static async Task<SurveyDto> SurveyAsync(HttpClient client, RunningRound round) =>
        await (await client.GetAsync($"{round.Url}/survey")).ShouldBeAsync<SurveyDto>(HttpStatusCode.OK);

    private async Task<SurveySummaryDto> SummaryAsync(RunningRound round) =>
        await (await Client.GetAsync($"{round.Url}/survey/summary")).ShouldBeAsync<SurveySummaryDto>(HttpStatusCode.OK);

    private static Task<HttpResponseMessage> PostAnswerAsync(Participant participant, RunningRound round, params object[] answers) =>
        PostAnswerAsync(participant, round, SurveyPhase.Closing, answers);

    private static Task<HttpResponseMessage> PostAnswerAsync(Participant participant, RunningRound round, SurveyPhase phase, params object[] answers) =>
        participant.Client.PostJsonAsync($"{round.Url}/survey/responses", new { phase = phase.ToString(), answers });

    private static Task<ResponseReceipt> AnswerAsync(Participant participant, RunningRound round, params object[] answers) =>
        AnswerAsync(participant, round, SurveyPhase.Closing, answers);

    private static async Task<ResponseReceipt> AnswerAsync(Participant participant, RunningRound round, SurveyPhase phase, params object[] answers) =>
        await (await PostAnswerAsync(participant, round, phase, answers)).ShouldBeAsync<ResponseReceipt>(HttpStatusCode.Created);

    private static async Task<List<string>> RowsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
