using EnSakITaget.Application.Common;
using EnSakITaget.Application.Feedback;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Statistics;
using EnSakITaget.Infrastructure.Courses;
using EnSakITaget.Infrastructure.Identity;
using EnSakITaget.Infrastructure.Messaging;
using EnSakITaget.Infrastructure.Persistence;
using EnSakITaget.Infrastructure.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EnSakITaget.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.TryAddSingleton<TimeProvider>(new MicrosecondTimeProvider(TimeProvider.System));
        services.AddPersistence(configuration);
        services.AddIdentityAndAccess(configuration, environment);
        services.AddMessaging(configuration);
        services.AddOptions<CoursesOptions>()
            .Bind(configuration.GetSection(CoursesOptions.SectionName))
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Courses:TimeZone is not a time zone this machine knows.")
            .Validate(o => o.ReleaseCheckSeconds is >= 1 and <= 3600, "Courses:ReleaseCheckSeconds must be 1 to 3600.")
            .ValidateOnStart();
        services.AddHostedService<RoundReleaseService>();
        services.AddHostedService<Privacy.RetentionService>();
        services.AddHostedService<Notices.NoticeService>();
        services.AddOptions<FollowUpOptions>()
            .Bind(configuration.GetSection(FollowUpOptions.SectionName))
            .Validate(o => o.NudgeIntervalDays is >= 0 and <= 365, "Participants:NudgeIntervalDays must be 0 to 365.")
            .Validate(o => o.LaggardBehindBy is >= 1 and <= 1000, "Participants:LaggardBehindBy must be 1 to 1000.")
            .Validate(o => o.LaggardInactiveDays is >= 1 and <= 3650, "Participants:LaggardInactiveDays must be 1 to 3650.")
            .Validate(o => o.DeadlineReminderDays is >= 0 and <= 365, "Participants:DeadlineReminderDays must be 0 to 365.")
            .Validate(o => o.NoticeCheckSeconds is >= 1 and <= 86_400, "Participants:NoticeCheckSeconds must be 1 to 86400.")
            .ValidateOnStart();
        services.AddOptions<StatisticsOptions>()
            .Bind(configuration.GetSection(StatisticsOptions.SectionName))
            .Validate(o => o.MinimumGroupSize is >= 1 and <= 100, "Statistics:MinimumGroupSize must be 1 to 100.")
            .ValidateOnStart();
        services.AddOptions<FeedbackOptions>()
            .Bind(configuration.GetSection(FeedbackOptions.SectionName))
            .Validate(o => o.MinimumGroupSize is >= 1 and <= 100, "Feedback:MinimumGroupSize must be 1 to 100.")
            .Validate(o => o.SurveyReminderDays is >= 1 and <= 365, "Feedback:SurveyReminderDays must be 1 to 365.")
            .ValidateOnStart();
        return services;
    }
}
