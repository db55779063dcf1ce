using AutoMapper;
using EnSakITaget.Domain.Libraries;

namespace EnSakITaget.Application.Libraries;

internal sealed class LibraryMappingProfile : Profile
{
    /// <summary>
    /// The tree is at most three levels deep (county, municipality, unit); the bound guards
    /// against AutoMapper's unbounded recursion on self-referential maps (GHSA-rvv3-g6hj-g44x).
    /// </summary>
    public const int MaxTreeDepth = 8;

    public LibraryMappingProfile()
    {
        CreateMap<LibraryNode, LibraryDto>()
            .ForMember(d => d.CountyCode, o => o.MapFrom(s => s.Type == LibraryNodeType.County ? s.Code : null))
            .ForMember(d => d.MunicipalityCode, o => o.MapFrom(s => s.Type == LibraryNodeType.Municipality ? s.Code : null));

        CreateMap<LibraryTree, LibraryTreeDto>()
            .MaxDepth(MaxTreeDepth)
            .ForMember(d => d.Id, o => o.MapFrom(s => s.Node.Id))
            .ForMember(d => d.Type, o => o.MapFrom(s => s.Node.Type))
            .ForMember(d => d.Name, o => o.MapFrom(s => s.Node.Name))
            .ForMember(d => d.CountyCode, o => o.MapFrom(s => s.Node.Type == LibraryNodeType.County ? s.Node.Code : null))
            .ForMember(d => d.MunicipalityCode, o => o.MapFrom(s => s.Node.Type == LibraryNodeType.Municipality ? s.Node.Code : null));
    }
}
