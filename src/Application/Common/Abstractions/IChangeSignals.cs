namespace EnSakITaget.Application.Common.Abstractions;

/// <summary>What a value kept in memory depends on, and so what must be read again when it changes.</summary>
public enum ChangeTopic
{
    /// <summary>Any audited change or survey response: what statistics and the progress matrix are computed from.</summary>
    Data,

    /// <summary>Accounts, their roles and integration keys: who a caller is and what they may reach.</summary>
    Access,

    /// <summary>The library tree's shape: scopes and counties.</summary>
    LibraryTree,
}

/// <summary>
/// Tells this instance when data that it keeps in memory may have changed, whether the change was
/// saved here or by another instance on the same database. A kept value is good while the
/// stamp it was read under is still the stamp.
/// </summary>
public interface IChangeSignals
{
    /// <summary>
    /// A number that moves on whenever any of the topics may have changed, or null while this
    /// instance cannot be sure that it hears of every change (then nothing kept may be trusted:
    /// read the database).
    /// </summary>
    long? StampOf(ChangeTopic topic);

    /// <inheritdoc cref="StampOf(ChangeTopic)"/>
    long? StampOf(ChangeTopic first, ChangeTopic second);
}
