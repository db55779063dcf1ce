using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Common;
using EnSakITaget.Domain.Courses;
using FluentValidation;
using Mediator;
using ValidationException = EnSakITaget.Application.Common.Exceptions.ValidationException;

namespace EnSakITaget.Application.Courses.CreateCourse;

public record CreateCourseInput : CourseInput
{
    /// <summary>The county that owns the course.</summary>
    public Guid? CountyId { get; init; }
}

public sealed record CreateCourseCommand : CreateCourseInput, ICommand<CourseDto>
{
    public CreateCourseCommand(CreateCourseInput input)
        : base(input)
    {
    }
}

internal sealed class CreateCourseCommandValidator : CourseInputValidator<CreateCourseCommand>
{
    public CreateCourseCommandValidator() => RuleFor(c => c.CountyId).NotEmpty();
}

internal sealed class CreateCourseCommandHandler(IApplicationDbContext db, ILibraryDirectory libraries, IMapper mapper, TimeProvider time)
    : ICommandHandler<CreateCourseCommand, CourseDto>
{
    public async ValueTask<CourseDto> Handle(CreateCourseCommand command, CancellationToken cancellationToken)
    {
        var county = await libraries.FindAsync(command.CountyId!.Value, cancellationToken);
        if (county?.Level != LibraryLevel.County)
        {
            throw new ValidationException("countyId", $"There is no county {command.CountyId}.");
        }

        var course = Course.Create(county.Id, command.Title!.Trim(), command.Description ?? string.Empty, command.Language!, time.GetUtcNow());
        db.Courses.Add(course);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CourseDto>(course);
    }
}
