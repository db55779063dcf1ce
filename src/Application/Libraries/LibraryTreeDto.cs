using EnSakITaget.Domain.Libraries;

namespace EnSakITaget.Application.Libraries;

public sealed record LibraryTreeDto
{
    public Guid Id { get; init; }
    public LibraryNodeType Type { get; init; }
    public required string Name { get; init; }
    public string? CountyCode { get; init; }
    public string? MunicipalityCode { get; init; }

    /// <summary>A unit's own staff count; on a county or municipality the sum of its units.</summary>
    public int TotalStaffCount { get; init; }

    public IReadOnlyList<LibraryTreeDto> Children { get; init; } = [];
}
