using EnSakITaget.Domain.Libraries;

namespace EnSakITaget.Application.Libraries;

/// <summary>The body of a create or replace: what a library node should be.</summary>
public record LibraryInput
{
    public LibraryNodeType? Type { get; init; }
    public string? Name { get; init; }
    public Guid? ParentId { get; init; }

    /// <summary>Two digits, on a county (06 is Jönköping).</summary>
    public string? CountyCode { get; init; }

    /// <summary>Four digits, on a municipality (0683 is Värnamo).</summary>
    public string? MunicipalityCode { get; init; }

    /// <summary>On a unit: how many staff work there.</summary>
    public int? StaffCount { get; init; }

    internal LibraryNodeDetails ToDetails() => new(
        Type!.Value,
        Name!.Trim(),
        Type == LibraryNodeType.County ? CountyCode : MunicipalityCode,
        StaffCount);
}
