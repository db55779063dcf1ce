using EnSakITaget.Web.Common;
using EnSakITaget.Web.Common.Api;

namespace EnSakITaget.Web.Coordination;

/// <summary>The API's enums in the reader's words.</summary>
public static class CoordinationLabels
{
    public static string Of(this CoordinationTexts c, RoundStatus? status) => status switch
    {
        RoundStatus.Draft => c.RoundStatusDraft,
        RoundStatus.Closed => c.RoundStatusClosed,
        _ => c.RoundStatusOpen,
    };

    public static string Of(this CoordinationTexts c, EnrolmentStatus? status) => status switch
    {
        EnrolmentStatus.Invited => c.EnrolmentInvited,
        EnrolmentStatus.Completed => c.EnrolmentCompleted,
        EnrolmentStatus.Withdrawn => c.EnrolmentWithdrawn,
        _ => c.EnrolmentActive,
    };
}
