import type { verificationView } from '#shared/contracts/courses.ts';
import type { ParticipantEvent } from '#shared/course-events.ts';
import type { Course, CourseStore, Participant } from '#shared/domain/course-model.ts';
import type * as z from '#shared/zod.ts';

/**
 * What the public course routes need from the outside world. deps.ts wires it to DynamoDB, Step
 * Functions, the certificates and the calendar; the routes only see this.
 */
export interface PublicDeps {
  readonly courses: CourseStore;
  readonly now: () => Date;
  /** Where the web app lives: a POST must come from there. */
  readonly publicBaseUrl: string;
  /** Wakes a participant's parked volunteer-course execution. */
  readonly wake: (participantId: string, event: ParticipantEvent) => Promise<boolean>;
  /** First name and when they applied (form participants: from their submission). */
  readonly person: (participant: Participant) => Promise<{ firstName?: string; appliedAt?: string }>;
  /** The programme's (form's) title in a language. */
  readonly programme: (formSlug: string, locale: string) => Promise<string>;
  /** The course's sessions as an iCalendar file in the participant's language. */
  readonly calendar: (course: Course, participant: Participant) => Promise<string>;
  readonly verify: (number: string) => Promise<z.infer<typeof verificationView>>;
  /** The organisation's public signing keys (JWKS). */
  readonly jwks: () => Promise<unknown>;
  /** The Open Badges 3.0 issuer Profile. */
  readonly issuer: () => Promise<unknown>;
}
