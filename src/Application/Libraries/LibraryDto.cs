using EnSakITaget.Domain.Libraries;

namespace EnSakITaget.Application.Libraries;

public sealed record LibraryDto
{
    public Guid Id { get; init; }
    public LibraryNodeType Type { get; init; }
    public required string Name { get; init; }
    public Guid? ParentId { get; init; }
    public string? CountyCode { get; init; }
    public string? MunicipalityCode { get; init; }
    public int? StaffCount { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
