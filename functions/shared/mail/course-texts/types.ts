/**
 * Every text of the course e-mails, one file per language. Placeholders in braces ({course},
 * {programme}, {until}, {position}, {old}, {new}, {attended}, {total}, {required}) are filled by
 * course-mails.ts; the type makes a missing text a compile error.
 */
export interface CourseMailTexts {
  readonly sessions: string;
  readonly place: string;
  readonly online: string;
  readonly totalHours: string;
  readonly cancelledMark: string;
  readonly ownPage: string;
  readonly calendarAttached: string;
  readonly calendarUpdated: string;
  readonly reason: string;
  readonly offer: {
    readonly subject: string;
    readonly intro: string;
    readonly hold: string;
    readonly accept: string;
    readonly decline: string;
    readonly linkNote: string;
  };
  /** Opens the path's first mail after approval; the subject is the no-course mail's then. */
  readonly approved: { readonly subject: string; readonly intro: string };
  readonly promoted: { readonly subject: string; readonly intro: string };
  readonly confirmation: { readonly subject: string; readonly intro: string; readonly cancelHint: string };
  readonly waiting: { readonly subject: string; readonly intro: string };
  readonly expired: { readonly subject: string; readonly intro: string; readonly next: string };
  readonly noCourse: { readonly subject: string; readonly intro: string };
  readonly reminder: {
    readonly soonSubject: string;
    readonly soonIntro: string;
    readonly tomorrowSubject: string;
    readonly tomorrowIntro: string;
  };
  readonly sessionCancelled: { readonly subject: string; readonly intro: string };
  readonly sessionMoved: { readonly subject: string; readonly intro: string };
  readonly courseCancelled: { readonly subject: string; readonly intro: string; readonly next: string };
  readonly seatCancelled: { readonly subject: string; readonly intro: string; readonly next: string };
  readonly certified: {
    readonly subject: string;
    readonly intro: string;
    readonly number: string;
    readonly verifyNote: string;
    readonly verifyButton: string;
    readonly page: string;
  };
  readonly notCertified: {
    readonly subject: string;
    readonly intro: string;
    readonly attendance: string;
    readonly attendanceValue: string;
    readonly next: string;
  };
}
