using EnSakITaget.Application.Common;
using EnSakITaget.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EnSakITaget.Infrastructure.Persistence.Configurations.Messaging;

internal sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> builder)
    {
        builder.ToTable("notification_settings", Schemas.Messaging);
        builder.HasKey(s => s.Email);
        builder.Property(s => s.Email).HasMaxLength(Limits.Email);
        builder.Property(s => s.Language).HasMaxLength(8);
        builder.Property(s => s.UnsubscribeToken).HasMaxLength(64);
        builder.Property(s => s.Choices).HasMaxLength(NotificationSettings.MaxChoicesLength);

        // The one-click unsubscribe finds the address by its token.
        builder.HasIndex(s => s.UnsubscribeToken).IsUnique();
    }
}
