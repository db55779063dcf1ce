namespace EnSakITaget.Domain.Libraries;

/// <summary>
/// One row whose value moves on with every change to the library tree, in the same transaction
/// (a trigger in the database moves it, however the change is made): every instance of the API
/// can tell whether the tree it holds in memory is still the tree.
/// </summary>
public sealed class LibraryTreeRevision
{
    public const int SingletonId = 1;

    private LibraryTreeRevision()
    {
    }

    public int Id { get; private set; }
    public long Value { get; private set; }
}
