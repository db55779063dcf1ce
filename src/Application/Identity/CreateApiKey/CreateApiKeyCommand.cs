using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Identity;
using FluentValidation;
using ValidationException = EnSakITaget.Application.Common.Exceptions.ValidationException;
using Mediator;

namespace EnSakITaget.Application.Identity.CreateApiKey;

/// <param name="Name">What the key is for, e.g. "Regional statistics dashboard".</param>
/// <param name="LibraryId">The root of the subtree the key may read.</param>
public sealed record CreateApiKeyCommand(string? Name, Guid? LibraryId) : ICommand<CreatedApiKeyDto>;

internal sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Limits.Name);
        RuleFor(c => c.LibraryId).NotEmpty();
    }
}

internal sealed class CreateApiKeyCommandHandler(IApplicationDbContext db, ILibraryDirectory libraries, ICurrentUser caller, TimeProvider time)
    : ICommandHandler<CreateApiKeyCommand, CreatedApiKeyDto>
{
    public async ValueTask<CreatedApiKeyDto> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var library = await libraries.FindAsync(command.LibraryId!.Value, cancellationToken)
            ?? throw new ValidationException("libraryId", $"There is no library {command.LibraryId}.");
        var creator = caller.UserId ?? throw new ForbiddenAccessException("Only a signed-in administrator issues keys.");

        var (key, secret) = ApiKey.Issue(command.Name!.Trim(), library.Id, creator, time.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyDto(key.Id, key.Name, key.LibraryId, key.CreatedAt, secret);
    }
}
