using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Libraries.DeleteLibrary;

public sealed record DeleteLibraryCommand(Guid Id) : ICommand;

public sealed class DeleteLibraryCommandHandler(IApplicationDbContext db) : ICommandHandler<DeleteLibraryCommand>
{
    public async ValueTask<Unit> Handle(DeleteLibraryCommand command, CancellationToken cancellationToken)
    {
        var node = await db.Libraries.FirstOrDefaultAsync(n => n.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Library", command.Id);

        var childCount = await db.Libraries.CountAsync(n => n.ParentId == node.Id, cancellationToken);
        if (childCount > 0)
        {
            throw new ConflictException(
                $"{node.Name} still has {childCount} {(childCount == 1 ? "library" : "libraries")} under it: move or delete them first.");
        }

        db.Libraries.Remove(node);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
