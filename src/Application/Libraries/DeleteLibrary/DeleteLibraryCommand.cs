using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Libraries.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Libraries.DeleteLibrary;

public sealed record DeleteLibraryCommand(Guid Id) : ICommand;

internal sealed class DeleteLibraryCommandHandler(IApplicationDbContext db, IEnumerable<ILibraryDependents> dependents)
    : ICommandHandler<DeleteLibraryCommand>
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

        foreach (var module in dependents)
        {
            if (await module.DescribeAsync(node.Id, cancellationToken) is { } what)
            {
                throw new ConflictException($"{node.Name} is still used by {what}: move or remove them first.");
            }
        }

        db.Libraries.Remove(node);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
