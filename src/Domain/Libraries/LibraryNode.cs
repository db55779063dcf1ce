using EnSakITaget.Domain.Common;

namespace EnSakITaget.Domain.Libraries;

/// <summary>
/// One node of a county's organisation tree: the county library, a municipal library
/// organisation, or one of its units. The shape of the tree is fixed (county → municipality →
/// unit), so a node is always placed under a parent of the one type its own type requires.
/// </summary>
public sealed class LibraryNode : IAudited
{
    private LibraryNode(Guid id, LibraryNodeType type, string name)
    {
        Id = id;
        Type = type;
        Name = name;
    }

    public Guid Id { get; private set; }
    public LibraryNodeType Type { get; private set; }
    public string Name { get; private set; }
    public Guid? ParentId { get; private set; }

    /// <summary>The county code (two digits) on a county, the municipality code (four digits) on a municipality.</summary>
    public string? Code { get; private set; }

    /// <summary>How many staff work at a unit; counties and municipalities add up their units.</summary>
    public int? StaffCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Moves on with every change: the ETag that keeps two editors from overwriting each other.</summary>
    public int Revision { get; private set; }

    /// <summary>The county's own choice of how many months reflections and named survey answers are kept after a round closes; null keeps the default.</summary>
    public int? RetentionMonths { get; private set; }

    /// <summary>Kept unless the county sets otherwise: two years, time for the report and the next round's comparison.</summary>
    public const int DefaultRetentionMonths = 24;

    /// <summary>How long the county keeps reflections and named answers after a round closes.</summary>
    public int KeepsPersonalDataForMonths => RetentionMonths ?? DefaultRetentionMonths;

    /// <summary>The county sets how long it keeps reflections and named answers after a round closes (null: the default).</summary>
    public void SetRetention(int? months, DateTimeOffset now)
    {
        if (Type != LibraryNodeType.County)
        {
            throw new LibraryTreeRuleException("Only a county sets how long personal data is kept: it applies to all its municipalities.");
        }

        RetentionMonths = months;
        UpdatedAt = now;
        Revision++;
    }

    Guid? IAudited.AuditLibraryId => ParentId ?? Id;

    public static LibraryNode Create(LibraryNodeDetails details, LibraryNode? parent, DateTimeOffset now)
    {
        var node = new LibraryNode(Guid.CreateVersion7(now), details.Type, details.Name) { CreatedAt = now, UpdatedAt = now };
        node.Apply(details, parent, ancestorIdsOfParent: []);
        return node;
    }

    /// <param name="details">The node as it should be after the change.</param>
    /// <param name="parent">The new parent, or null for a county.</param>
    /// <param name="ancestorIdsOfParent">Every node above the new parent, so that a cycle is refused.</param>
    /// <param name="now">When the change happens.</param>
    public void Update(LibraryNodeDetails details, LibraryNode? parent, IReadOnlyCollection<Guid> ancestorIdsOfParent, DateTimeOffset now)
    {
        if (details.Type != Type && !(Type.IsUnit() && details.Type.IsUnit()))
        {
            throw new LibraryTreeRuleException(
                $"A {Type} cannot become a {details.Type}: only library units (main library, branch, bookmobile) change type.");
        }

        Apply(details, parent, ancestorIdsOfParent);
        UpdatedAt = now;
        Revision++;
    }

    private void Apply(LibraryNodeDetails details, LibraryNode? parent, IReadOnlyCollection<Guid> ancestorIdsOfParent)
    {
        var requiredParent = details.Type.RequiredParentType();
        if (parent is not null && (parent.Id == Id || ancestorIdsOfParent.Contains(Id)))
        {
            throw new LibraryTreeRuleException("A library cannot be placed under itself or under one of its own descendants.");
        }

        if (requiredParent is null && parent is not null)
        {
            throw new LibraryTreeRuleException("A county is the root of its tree and cannot have a parent.");
        }

        if (requiredParent is not null && parent?.Type != requiredParent)
        {
            throw new LibraryTreeRuleException(parent is null
                ? $"A {details.Type} must be placed under a {requiredParent}."
                : $"A {details.Type} must be placed under a {requiredParent}, not under a {parent.Type}.");
        }

        var code = details.Type.IsUnit() ? null : details.Code;
        if (details.Type == LibraryNodeType.Municipality && parent?.Code is { } countyCode && code is not null
            && !code.StartsWith(countyCode, StringComparison.Ordinal))
        {
            throw new LibraryTreeRuleException(
                $"Municipality code {code} does not belong to county {countyCode}: a municipality code starts with its county's code.");
        }

        Type = details.Type;
        Name = details.Name;
        Code = code;
        StaffCount = details.Type.IsUnit() ? details.StaffCount ?? 0 : null;
        ParentId = parent?.Id;
    }
}

/// <summary>What a caller says a library node is; the node decides whether it fits the tree.</summary>
public sealed record LibraryNodeDetails(LibraryNodeType Type, string Name, string? Code = null, int? StaffCount = null);
