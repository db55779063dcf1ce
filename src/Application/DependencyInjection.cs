using EnSakITaget.Application.Common;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Application.Common.Behaviours;
using EnSakITaget.Application.Community;
using EnSakITaget.Application.Courses;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Feedback;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Identity.Contracts;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Application.Messaging;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Participants.Contracts;
using EnSakITaget.Application.Statistics.Contracts;
using EnSakITaget.Application.Privacy;
using EnSakITaget.Application.Privacy.Contracts;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace EnSakITaget.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Namespace = "EnSakITaget.Application.Mediator";
            options.PipelineBehaviors = [typeof(LoggingBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(RepeatOnConflictBehaviour<,>), typeof(TransactionBehaviour<,>), typeof(QueryRetryBehaviour<,>)];
        });
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddAutoMapper(_ => { }, typeof(DependencyInjection).Assembly);
        services.AddScoped<ILibraryDirectory, LibraryDirectory>();
        services.AddSingleton<LibraryTreeCache>();
        services.AddScoped<UserAccess>();
        services.AddScoped<AccountInvitationLetters>();
        services.AddScoped<ILibraryDependents, IdentityLibraryDependents>();
        services.AddScoped<ILibraryDependents, ParticipantsLibraryDependents>();
        services.AddScoped<IRoundDirectory, CoursesRoundDirectory>();
        services.AddScoped<RoundPlanning>();
        services.AddScoped<ICoordinatorDirectory, IdentityCoordinatorDirectory>();
        services.AddSingleton<CourseCalendar>();
        services.AddScoped<ParticipantAccess>();
        services.AddScoped<SurveyAccess>();
        services.AddScoped<IParticipationStatistics, ParticipationStatistics>();
        services.AddScoped<IFeedbackStatistics, FeedbackStatistics>();
        services.AddScoped<IParticipantDirectory>(provider => provider.GetRequiredService<ParticipantAccess>());
        services.AddSingleton<MessageTemplates>();
        services.AddScoped<IOutbox, Outbox>();
        services.AddScoped<RoundInvitations>();
        services.AddScoped<WaitingLetters>();
        services.AddScoped<CommunityAccess>();
        services.AddScoped<BlogDutyAccess>();
        services.AddScoped<Community.Contracts.IRoundBlogWeek, RoundBlogWeek>();
        services.AddScoped<CommunityViews>();
        services.AddScoped<ModerationTrail>();
        services.AddScoped<Audit.Contracts.IAuditLog, Audit.AuditLog>();
        AddPrivacy(services);
        return services;
    }

    /// <summary>Each module that keeps personal data registers its source here; export and erasure ask them all.</summary>
    private static void AddPrivacy(IServiceCollection services)
    {
        services.AddScoped<DataSubjects>();
        services.AddScoped<Privacy.ExportPersonalData.PersonalDataExporter>();
        services.AddScoped<IPersonalDataSource, ParticipantsPersonalData>();
        services.AddScoped<IPersonalDataSource, FeedbackPersonalData>();
        services.AddScoped<IPersonalDataSource, CommunityPersonalData>();
        services.AddScoped<IPersonalDataSource, IdentityPersonalData>();
        services.AddScoped<IPersonalDataSource, MessagingPersonalData>();
        services.AddScoped<IPersonalDataSource, Audit.AuditPersonalData>();
    }
}
