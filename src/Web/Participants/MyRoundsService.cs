using EnSakITaget.Web.Common.Api;

namespace EnSakITaget.Web.Participants;

/// <summary>The signed-in participant's rounds, read from <c>GET /api/v1/me/rounds</c>: the round and thing pages are views of it.</summary>
public sealed class MyRoundsService(ApiClient api)
{
    private const int PageSize = 50;

    public async Task<IReadOnlyList<MyRoundDto>> ListAsync(CancellationToken cancellationToken = default) =>
        (await api.ListMyRoundsAsync(1, PageSize, cancellationToken)).Items ?? [];

    public async Task<MyRoundDto?> FindAsync(Guid roundId, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(r => r.RoundId == roundId);
}
