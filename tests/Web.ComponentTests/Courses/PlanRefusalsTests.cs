using EnSakITaget.Web.Courses;

namespace EnSakITaget.Web.ComponentTests.Courses;

/// <summary>The round form says the API's plan refusals in Swedish, with the API's numbers and dates, and never shows the raw English.</summary>
public sealed class PlanRefusalsTests
{
    [Theory]
    [InlineData("deadline", "The deadline 2027-01-10 is before the kick-off 2027-02-22.", "Sista dagen 2027-01-10 ligger före kick-off 2027-02-22.")]
    [InlineData("deadline", "Thing 8 would be released on 2027-08-23, outside 2027-02-22 to the deadline 2027-06-30.",
        "Sak 8 skulle komma ut 2027-08-23, utanför tiden från kick-off 2027-02-22 till sista dagen 2027-06-30.")]
    [InlineData("kickOff", "Thing 1 would be released on 2020-01-06, a day already past.", "Sak 1 skulle komma ut 2020-01-06, en dag som redan har varit.")]
    [InlineData("dates", "Thing 3 would be released before thing 2: one thing at a time.", "Sak 3 skulle komma ut före sak 2: en sak i taget.")]
    [InlineData("dates", "Thing 4 (Bloggar) has no date.", "Sak 4 (Bloggar) har inget datum.")]
    [InlineData("dates", "The round has no thing 9.", "Omgången har ingen sak 9.")]
    [InlineData("everyWeeks", "A cadence is at least one week.", "Det ska gå minst en vecka mellan sakerna.")]
    public void A_known_refusal_is_said_in_swedish_with_the_apis_numbers_and_dates(string field, string english, string swedish) =>
        PlanRefusals.InSwedish(field, english).ShouldBe(swedish);

    [Theory]
    [InlineData("everyWeeks", "'Every Weeks' must be greater than '0'.", "Ange hur många veckor det ska gå mellan sakerna, minst en.")]
    [InlineData("dates[2].date", "Something new.", "Kontrollera datumen för sakerna: varje sak behöver ett datum, i ordning.")]
    [InlineData("somethingElse", "Something new.", "Kontrollera uppgiften: tjänsten godtog den inte.")]
    public void An_unknown_refusal_gets_a_swedish_sentence_about_its_field_instead_of_the_english(string field, string english, string swedish) =>
        PlanRefusals.InSwedish(field, english).ShouldBe(swedish);
}
