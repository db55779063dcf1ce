namespace EnSakITaget.Application.Common.Paging;

public interface IPagedQuery
{
    int Page { get; }
    int PageSize { get; }
}

public static class PagingDefaults
{
    public const int PageSize = 50;
}
