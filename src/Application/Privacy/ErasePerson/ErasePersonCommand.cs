using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Privacy.Contracts;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Privacy.ErasePerson;

public record ErasureInput
{
    /// <summary>Why: the person's request, when and how it came, as the county records it. Kept in the audit trail.</summary>
    public string? Reason { get; init; }
}

/// <summary>Erases a member of staff in the caller's libraries (GDPR art. 17), for the reason given.</summary>
public sealed record ErasePersonCommand : ErasureInput, ICommand
{
    public ErasePersonCommand(Guid staffMemberId, ErasureInput? input)
        : base(input ?? new ErasureInput())
    {
        StaffMemberId = staffMemberId;
    }

    public Guid StaffMemberId { get; }
}

internal sealed class ErasePersonCommandValidator : AbstractValidator<ErasePersonCommand>
{
    public const int MaxReasonLength = 1000;

    public ErasePersonCommandValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(MaxReasonLength);
    }
}

/// <summary>Every module erases its own part, in one transaction, the audit trail last.</summary>
internal sealed class ErasePersonCommandHandler(DataSubjects subjects, IEnumerable<IPersonalDataSource> sources, ICurrentUser caller, TimeProvider time)
    : ICommandHandler<ErasePersonCommand>
{
    public async ValueTask<Unit> Handle(ErasePersonCommand command, CancellationToken cancellationToken)
    {
        var subject = await subjects.StaffMemberAsync(command.StaffMemberId, cancellationToken);
        if (subject.AccountId is { } account && account == caller.UserId)
        {
            throw new ConflictException("You cannot erase yourself: ask an administrator of your county.");
        }

        var request = new ErasureRequest(command.Reason!.Trim(), time.GetUtcNow());
        foreach (var source in sources.OrderBy(s => s.ErasureStage))
        {
            await source.EraseAsync(subject, request, cancellationToken);
        }

        return Unit.Value;
    }
}
