namespace EnSakITaget.Application.Common;

/// <summary>
/// How long a text in a request may be. The validators enforce these, and the OpenAPI document
/// states them because it reads them from the validators; a module's own counts live beside it.
/// </summary>
public static class Limits
{
    /// <summary>A person's, a library's or a key's name.</summary>
    public const int Name = 200;

    /// <summary>A course's, a thing's, a round's or a job title.</summary>
    public const int Title = 200;

    /// <summary>RFC 5321's longest forward path.</summary>
    public const int Email = 256;

    public const int Password = 128;

    /// <summary>A web address.</summary>
    public const int Link = 2_000;

    /// <summary>A prompt, a nudge, a choice's wording.</summary>
    public const int ShortText = 2_000;

    /// <summary>A description, a comment, an answer.</summary>
    public const int Text = 4_000;

    /// <summary>A thing's instructions: the longest text the API takes in, and so the longest it gives back.</summary>
    public const int LongText = 20_000;

    /// <summary>What a list is searched or filtered by.</summary>
    public const int Search = 100;
}
