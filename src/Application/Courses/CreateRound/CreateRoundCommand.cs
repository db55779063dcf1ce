using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Identity.Contracts;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Common;
using EnSakITaget.Domain.Courses;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ValidationException = EnSakITaget.Application.Common.Exceptions.ValidationException;

namespace EnSakITaget.Application.Courses.CreateRound;

public record CreateRoundInput : RoundInput
{
    /// <summary>A published course; the round runs its latest published version.</summary>
    public Guid? CourseId { get; init; }

    /// <summary>The municipal library organisation the round is for.</summary>
    public Guid? HomeLibraryId { get; init; }
}

public sealed record CreateRoundCommand : CreateRoundInput, ICommand<RoundDto>
{
    public CreateRoundCommand(CreateRoundInput input)
        : base(input)
    {
    }
}

internal sealed class CreateRoundCommandValidator : RoundInputValidator<CreateRoundCommand>
{
    public CreateRoundCommandValidator()
    {
        RuleFor(r => r.CourseId).NotEmpty();
        RuleFor(r => r.HomeLibraryId).NotEmpty();
    }
}

internal sealed class CreateRoundCommandHandler(
    IApplicationDbContext db, ILibraryDirectory libraries, ICoordinatorDirectory coordinators, IMapper mapper, TimeProvider time)
    : ICommandHandler<CreateRoundCommand, RoundDto>
{
    public async ValueTask<RoundDto> Handle(CreateRoundCommand command, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == command.CourseId, cancellationToken)
            ?? throw new ValidationException("courseId", $"There is no course {command.CourseId}.");
        var home = await libraries.FindAsync(command.HomeLibraryId!.Value, cancellationToken);
        if (home?.Level != LibraryLevel.Municipality)
        {
            throw new ValidationException("homeLibraryId", $"There is no municipal library organisation {command.HomeLibraryId}.");
        }

        if (course.PublishedVersion is null)
        {
            throw new CourseRuleException("The course has no published version: publish it before planning a round.");
        }

        if (await libraries.CountyOfAsync(home.Id, cancellationToken) != course.CountyId)
        {
            throw new ConflictException("The course belongs to another county than the round's library organisation.");
        }

        await coordinators.EnsureCoordinateAsync(command.CoordinatorIds, home.Id, cancellationToken);
        var version = await db.CourseVersions.AsNoTracking()
            .FirstAsync(v => v.CourseId == course.Id && v.Version == course.PublishedVersion, cancellationToken);

        var round = Round.Plan(version, home.Id, command.Title?.Trim(), command.CoordinatorIds ?? [],
            command.KickOff!.Value, command.Deadline!.Value, command.WorkAheadAllowed ?? false, time.GetUtcNow());
        db.Rounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<RoundDto>(round);
    }
}
