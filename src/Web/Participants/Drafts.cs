namespace EnSakITaget.Web.Participants;

/// <summary>
/// A reflection being written, kept in memory per thing: when the session runs out mid-sentence,
/// signing in again brings the reader back to the form with their text still there.
/// </summary>
public sealed class Drafts
{
    private readonly Dictionary<(Guid Round, Guid Thing), (string? Text, string? Link)> drafts = [];

    public (string? Text, string? Link)? Find(Guid round, Guid thing) => drafts.TryGetValue((round, thing), out var draft) ? draft : null;

    public void Keep(Guid round, Guid thing, string? text, string? link) => drafts[(round, thing)] = (text, link);

    public void Forget(Guid round, Guid thing) => drafts.Remove((round, thing));
}
