namespace EnSakITaget.Web.Courses;

/// <summary>A move of one thing in the course's order, by button or by drag and drop: where it goes, and what to say about it.</summary>
/// <param name="Index">The thing's place before the move, from 0.</param>
/// <param name="NewIndex">Its place after the move, from 0.</param>
public sealed record ThingMove(Guid ThingId, int Index, int NewIndex)
{
    /// <summary>The 1-based position the API is given.</summary>
    public int NewPosition => NewIndex + 1;
}

/// <summary>
/// The order of a course's things as the editor shows it. It decides moves only; the API keeps
/// the order, so the page applies a move here once the API has accepted it.
/// </summary>
public static class ThingOrder
{
    /// <summary>One step up (-1) or down (+1); null at the edge, where nothing moves.</summary>
    public static ThingMove? Step(IReadOnlyList<Guid> order, Guid thingId, int direction)
    {
        var index = IndexOf(order, thingId);
        var target = index + Math.Sign(direction);
        return index < 0 || direction == 0 || target < 0 || target >= order.Count ? null : new ThingMove(thingId, index, target);
    }

    /// <summary>A dragged thing dropped on another: it takes that thing's place. Null when it was dropped on itself.</summary>
    public static ThingMove? Drop(IReadOnlyList<Guid> order, Guid dragged, Guid droppedOn)
    {
        var (from, to) = (IndexOf(order, dragged), IndexOf(order, droppedOn));
        return from < 0 || to < 0 || from == to ? null : new ThingMove(dragged, from, to);
    }

    public static List<T> Apply<T>(IReadOnlyList<T> things, ThingMove move)
    {
        var moved = things.ToList();
        var thing = moved[move.Index];
        moved.RemoveAt(move.Index);
        moved.Insert(move.NewIndex, thing);
        return moved;
    }

    private static int IndexOf(IReadOnlyList<Guid> order, Guid thingId)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == thingId)
            {
                return i;
            }
        }

        return -1;
    }
}
