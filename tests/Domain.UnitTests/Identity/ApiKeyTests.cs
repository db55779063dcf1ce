using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Domain.UnitTests.Identity;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2010, 2, 23, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly Guid LibraryId = Guid.CreateVersion7();
    private static readonly Guid CreatorId = Guid.CreateVersion7();

    private static (ApiKey Key, string Secret) Issue() => ApiKey.Issue("Regional statistik", LibraryId, CreatorId, Now);

    [Fact]
    public void An_issued_key_is_handed_over_as_prefix_id_and_secret()
    {
        var (key, whole) = Issue();

        whole.ShouldStartWith($"esit.{key.Id:N}.");
        key.Name.ShouldBe("Regional statistik");
        key.LibraryId.ShouldBe(LibraryId);
        key.CreatedByUserId.ShouldBe(CreatorId);
        key.CreatedAt.ShouldBe(Now);
        key.LastUsedAt.ShouldBeNull();
        key.IsRevoked.ShouldBeFalse();
    }

    [Fact]
    public void Only_a_hash_of_the_secret_is_kept()
    {
        var (key, whole) = Issue();
        var secret = ApiKey.Parse(whole)!.Value.Secret;

        key.SecretHash.ShouldNotContain(secret);
        key.SecretHash.Length.ShouldBe(64);
    }

    [Fact]
    public void Two_keys_never_share_a_secret()
    {
        var (_, first) = Issue();
        var (_, second) = Issue();

        ApiKey.Parse(first)!.Value.Secret.ShouldNotBe(ApiKey.Parse(second)!.Value.Secret);
    }

    [Fact]
    public void A_presented_key_parses_into_its_id_and_a_secret_the_key_accepts()
    {
        var (key, whole) = Issue();

        var parsed = ApiKey.Parse(whole);

        parsed.ShouldNotBeNull();
        parsed.Value.Id.ShouldBe(key.Id);
        key.Accepts(parsed.Value.Secret).ShouldBeTrue();
    }

    [Fact]
    public void A_wrong_secret_is_not_accepted()
    {
        var (key, whole) = Issue();
        var (other, otherWhole) = Issue();

        key.Accepts("wrong").ShouldBeFalse();
        key.Accepts(ApiKey.Parse(otherWhole)!.Value.Secret).ShouldBeFalse();
        other.Accepts(ApiKey.Parse(whole)!.Value.Secret).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("esit")]
    [InlineData("esit.not-a-guid.secret")]
    [InlineData("esit.0195f3a1c2d34e5f8a9b0c1d2e3f4a5b.")]
    [InlineData("esit.0195f3a1c2d34e5f8a9b0c1d2e3f4a5b.secret.extra")]
    [InlineData("esit.0195f3a1-c2d3-4e5f-8a9b-0c1d2e3f4a5b.secret")]
    [InlineData("other.0195f3a1c2d34e5f8a9b0c1d2e3f4a5b.secret")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9")]
    public void Something_not_shaped_like_a_key_does_not_parse(string presented) =>
        ApiKey.Parse(presented).ShouldBeNull();

    [Fact]
    public void A_revoked_key_accepts_nothing_and_keeps_the_first_revocation_time()
    {
        var (key, whole) = Issue();
        var later = Now.AddDays(1);

        key.Revoke(later);
        key.Revoke(later.AddDays(1));

        key.IsRevoked.ShouldBeTrue();
        key.RevokedAt.ShouldBe(later);
        key.Accepts(ApiKey.Parse(whole)!.Value.Secret).ShouldBeFalse();
    }

    [Fact]
    public void The_last_use_is_kept_to_the_minute()
    {
        var (key, _) = Issue();

        key.RecordUse(Now).ShouldBeTrue();
        key.RecordUse(Now.AddSeconds(59)).ShouldBeFalse();
        key.LastUsedAt.ShouldBe(Now);

        key.RecordUse(Now.AddMinutes(1)).ShouldBeTrue();
        key.LastUsedAt.ShouldBe(Now.AddMinutes(1));
    }
}
