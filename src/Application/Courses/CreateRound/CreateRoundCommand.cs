using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using FluentValidation;
using Mediator;

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

internal sealed class CreateRoundCommandHandler(IApplicationDbContext db, RoundPlanning planning, IMapper mapper)
    : ICommandHandler<CreateRoundCommand, RoundDto>
{
    public async ValueTask<RoundDto> Handle(CreateRoundCommand command, CancellationToken cancellationToken)
    {
        var round = await planning.PlanAsync(command, cancellationToken);
        db.Rounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<RoundDto>(round);
    }
}
