using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Domain.Libraries;
using Mediator;

namespace EnSakITaget.Application.Libraries.CreateLibrary;

public sealed record CreateLibraryCommand : LibraryInput, ICommand<LibraryDto>
{
    public CreateLibraryCommand(LibraryInput input)
        : base(input)
    {
    }
}

internal sealed class CreateLibraryCommandHandler(IApplicationDbContext db, ILibraryScope scope, IMapper mapper, TimeProvider time)
    : ICommandHandler<CreateLibraryCommand, LibraryDto>
{
    public async ValueTask<LibraryDto> Handle(CreateLibraryCommand command, CancellationToken cancellationToken)
    {
        var details = command.ToDetails();
        if (command.ParentId is null && !scope.IsUnrestricted)
        {
            throw new ForbiddenAccessException("Only an administrator creates a county.");
        }

        var parent = await db.FindParentAsync(command.ParentId, cancellationToken);
        await db.EnsureCodeIsFreeAsync(details, parent?.Id, exceptId: null, cancellationToken);

        var node = LibraryNode.Create(details, parent, time.GetUtcNow());
        db.Libraries.Add(node);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<LibraryDto>(node);
    }
}
