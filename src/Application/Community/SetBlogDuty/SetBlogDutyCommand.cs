using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Validation;
using EnSakITaget.Application.Participants.Contracts;
using EnSakITaget.Domain.Common;
using EnSakITaget.Domain.Community;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Community.SetBlogDuty;

public record BlogDutyInput
{
    /// <summary>The members of staff who take turns, in order: the first has the first week.</summary>
    public IReadOnlyList<Guid>? Volunteers { get; init; }

    /// <summary>Any day of the first week: the rota starts on its Monday.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>How many duty weeks to lay out.</summary>
    public int? Weeks { get; init; }

    /// <summary>A day in each week without blog duty (the summer, Christmas): that whole week is skipped.</summary>
    public IReadOnlyList<DateOnly>? Pauses { get; init; }
}

/// <summary>A coordinator lays out the library's blog-duty rota from its volunteers and a start date; the rota before is replaced.</summary>
public sealed record SetBlogDutyCommand : BlogDutyInput, ICommand<BlogDutyDto>
{
    public SetBlogDutyCommand(Guid libraryId, BlogDutyInput input)
        : base(input)
    {
        LibraryId = libraryId;
    }

    public Guid LibraryId { get; }
}

internal sealed class SetBlogDutyCommandValidator : AbstractValidator<SetBlogDutyCommand>
{
    public SetBlogDutyCommandValidator()
    {
        RuleFor(c => c.Volunteers).NotEmpty().MaxItems(BlogDutyRota.MaxVolunteers);
        RuleFor(c => c.Start).NotNull();
        RuleFor(c => c.Weeks).NotNull().InclusiveBetween(1, BlogDutyRota.MaxWeeks);
        RuleFor(c => c.Pauses).MaxItems(BlogDutyRota.MaxWeeks);
    }
}

internal sealed class SetBlogDutyCommandHandler(IApplicationDbContext db, BlogDutyAccess access, IParticipantDirectory participants, TimeProvider time)
    : ICommandHandler<SetBlogDutyCommand, BlogDutyDto>
{
    public async ValueTask<BlogDutyDto> Handle(SetBlogDutyCommand command, CancellationToken cancellationToken)
    {
        await access.EnsureManagesAsync(command.LibraryId, cancellationToken);
        var volunteers = command.Volunteers!;
        var current = await participants.VisibleCurrentStaffAsync(volunteers, cancellationToken);
        var unknown = volunteers.Select((id, index) => (id, index)).FirstOrDefault(v => !current.Contains(v.id));
        if (unknown != default)
        {
            throw new FieldRuleException($"volunteers[{unknown.index}]", $"No current member of staff {unknown.id} in your libraries.");
        }

        var now = time.GetUtcNow();
        var rota = await access.RotaAsync(command.LibraryId, cancellationToken);
        if (rota is null)
        {
            rota = BlogDutyRota.For(command.LibraryId, now);
            db.BlogDutyRotas.Add(rota);
        }

        rota.Generate(volunteers, command.Start!.Value, command.Weeks!.Value, command.Pauses ?? [], now);
        await db.SaveChangesAsync(cancellationToken);
        return await access.ViewAsync(command.LibraryId, rota, cancellationToken);
    }
}
