using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Libraries.UpdateLibrary;

/// <summary>Replaces a node's details and may move it to another parent.</summary>
public sealed record UpdateLibraryCommand : LibraryInput, ICommand<LibraryDto>
{
    public UpdateLibraryCommand(Guid id, LibraryInput input)
        : base(input)
    {
        Id = id;
    }

    public Guid Id { get; }
}

internal sealed class UpdateLibraryCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider time)
    : ICommandHandler<UpdateLibraryCommand, LibraryDto>
{
    public async ValueTask<LibraryDto> Handle(UpdateLibraryCommand command, CancellationToken cancellationToken)
    {
        var node = await db.Libraries.FirstOrDefaultAsync(n => n.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Library", command.Id);

        var details = command.ToDetails();
        var parent = await db.FindParentAsync(command.ParentId, cancellationToken);
        var ancestorIdsOfParent = await db.AncestorIdsOfAsync(parent, cancellationToken);
        await db.EnsureCodeIsFreeAsync(details, parent?.Id, exceptId: node.Id, cancellationToken);

        node.Update(details, parent, ancestorIdsOfParent, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<LibraryDto>(node);
    }
}
