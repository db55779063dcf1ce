using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Caching;

namespace EnSakITaget.Application.UnitTests.Common;

public sealed class SignalledValueTests
{
    private readonly Signals signals = new();
    private int reads;

    private Task<int> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(++reads);

    [Fact]
    public async Task A_kept_value_is_read_once_while_no_change_is_signalled()
    {
        var value = new SignalledValue<int>(signals, ChangeTopic.Data);

        var answers = new[] { await value.GetAsync(ReadAsync, default), await value.GetAsync(ReadAsync, default), await value.GetAsync(ReadAsync, default) };

        answers.ShouldBe([1, 1, 1]);
    }

    [Fact]
    public async Task A_change_signalled_on_its_topic_has_the_value_read_again_and_one_on_another_topic_does_not()
    {
        var value = new SignalledValue<int>(signals, ChangeTopic.Data);
        await value.GetAsync(ReadAsync, default);

        signals.Move(ChangeTopic.Access);
        var afterOtherTopic = await value.GetAsync(ReadAsync, default);
        signals.Move(ChangeTopic.Data);
        var afterItsTopic = await value.GetAsync(ReadAsync, default);

        (afterOtherTopic, afterItsTopic).ShouldBe((1, 2));
    }

    [Fact]
    public async Task While_changes_are_not_heard_every_request_reads_and_nothing_read_then_is_kept()
    {
        var value = new SignalledValue<int>(signals, ChangeTopic.Data);
        signals.Hearing = false;
        var deaf = new[] { await value.GetAsync(ReadAsync, default), await value.GetAsync(ReadAsync, default) };
        signals.Hearing = true;

        var heard = new[] { await value.GetAsync(ReadAsync, default), await value.GetAsync(ReadAsync, default) };

        deaf.ShouldBe([1, 2]);
        heard.ShouldBe([3, 3]);
    }

    [Fact]
    public async Task A_change_that_lands_while_the_value_is_being_read_leaves_it_to_be_read_again()
    {
        var value = new SignalledValue<int>(signals, ChangeTopic.Data);

        await value.GetAsync(async token =>
        {
            signals.Move(ChangeTopic.Data);
            return await ReadAsync(token);
        }, default);
        var next = await value.GetAsync(ReadAsync, default);

        next.ShouldBe(2);
    }

    [Fact]
    public async Task The_value_last_read_stays_at_hand_after_its_signal_moved_for_a_reader_that_can_tell_it_still_holds()
    {
        var value = new SignalledValue<int>(signals, ChangeTopic.LibraryTree);
        await value.GetAsync(ReadAsync, default);

        signals.Move(ChangeTopic.LibraryTree);
        var kept = await value.GetAsync(value, static (value, _) => Task.FromResult(value.Last!.Value), default);
        var again = await value.GetAsync(ReadAsync, default);

        (kept, again, reads).ShouldBe((1, 1, 1));
    }

    [Fact]
    public void A_value_read_while_the_signals_are_not_heard_is_never_current()
    {
        var deaf = new Signalled<int>(Stamp: null, Value: 1);
        var heard = new Signalled<int>(Stamp: 7, Value: 1);

        (deaf.IsCurrentAt(null), deaf.IsCurrentAt(7), heard.IsCurrentAt(7), heard.IsCurrentAt(8), heard.IsCurrentAt(null))
            .ShouldBe((false, false, true, false, false));
    }

    [Fact]
    public async Task A_current_value_is_answered_without_reading_or_waiting()
    {
        var value = new SignalledValue<int>(signals, ChangeTopic.Data);
        await value.GetAsync(ReadAsync, default);

        var answer = value.GetAsync(ReadAsync, default);

        answer.IsCompletedSuccessfully.ShouldBeTrue();
        (await answer, reads).ShouldBe((1, 1));
    }

    [Fact]
    public async Task A_map_keeps_each_key_until_either_of_its_topics_changes()
    {
        var map = new SignalledMap<string, int>(signals, ChangeTopic.Access, ChangeTopic.LibraryTree);
        Task<int> Read(string key, CancellationToken token) => ReadAsync(token);

        var anna = await map.GetAsync("anna", Read, default);
        var bo = await map.GetAsync("bo", Read, default);
        var annaKept = await map.GetAsync("anna", Read, default);
        signals.Move(ChangeTopic.LibraryTree);
        var annaAfterTree = await map.GetAsync("anna", Read, default);
        signals.Move(ChangeTopic.Data);
        var annaAfterData = await map.GetAsync("anna", Read, default);
        signals.Move(ChangeTopic.Access);
        var boAfterAccess = await map.GetAsync("bo", Read, default);

        (anna, bo, annaKept, annaAfterTree, annaAfterData, boAfterAccess).ShouldBe((1, 2, 1, 3, 3, 4));
    }

    [Fact]
    public async Task A_map_full_of_keys_starts_again_rather_than_grow()
    {
        var map = new SignalledMap<int, int>(signals, ChangeTopic.Access, ChangeTopic.LibraryTree, capacity: 2);
        Task<int> Read(int key, CancellationToken token) => ReadAsync(token);

        await map.GetAsync(1, Read, default);
        await map.GetAsync(2, Read, default);
        await map.GetAsync(3, Read, default);
        var first = await map.GetAsync(1, Read, default);
        var third = await map.GetAsync(3, Read, default);

        (first, third).ShouldBe((4, 3));
    }

    private sealed class Signals : IChangeSignals
    {
        private readonly long[] counts = new long[3];

        public bool Hearing { get; set; } = true;

        public void Move(ChangeTopic topic) => counts[(int)topic]++;

        public long? StampOf(ChangeTopic topic) => Hearing ? counts[(int)topic] : null;

        public long? StampOf(ChangeTopic first, ChangeTopic second) => Hearing ? counts[(int)first] + counts[(int)second] : null;
    }
}
