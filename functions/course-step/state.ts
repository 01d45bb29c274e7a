import * as z from '#shared/zod.ts';

/**
 * What the volunteer-course execution carries between steps: ids, the next step and seconds only
 * (docs/courses.md). Every plain step returns a whole new state, so nothing stale travels on.
 */
export const nextSteps = [
  'offer',
  'await-answer',
  'await-seat',
  'await-course',
  'confirm',
  'release',
  'plan',
  'remind',
  'await-event',
  'done',
] as const;
export type NextStep = (typeof nextSteps)[number];

/** What a wait ended with: an event sent by `answerParticipant`, or the States.Timeout error. */
const waitOutcome = z.optional(
  z.object({
    event: z.optional(z.string()),
    courseId: z.optional(z.string()),
    sessionId: z.optional(z.string()),
  }),
);

export const flowState = z.object({
  participantId: z.string().check(z.minLength(1), z.maxLength(80)),
  courseId: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  next: z.optional(z.enum(nextSteps)),
  seconds: z.optional(z.number()),
  reminder: z.optional(z.enum(['soon', 'tomorrow'])),
  promoted: z.optional(z.boolean()),
  /** Set by onboarding for the path's first mail only, which then also says "approved". */
  approved: z.optional(z.boolean()),
  event: waitOutcome,
});
export type FlowState = z.output<typeof flowState>;

export interface StepResult {
  readonly participantId: string;
  readonly courseId?: string;
  readonly next: NextStep;
  readonly seconds?: number;
  readonly reminder?: 'soon' | 'tomorrow';
  readonly promoted?: boolean;
  readonly approved?: boolean;
}

const HOUR = 3600;
export const DAY = 24 * HOUR;
/** Waiting-list re-check: a promotion whose answer was lost is found within this. */
export const SEAT_RECHECK_SECONDS = 6 * HOUR;
/** Longest single wait; after it the records are read again. */
export const LONGEST_WAIT_SECONDS = 30 * DAY;
/** Shortest wait, so that a clock near a boundary cannot make the workflow spin. */
const SHORTEST_WAIT_SECONDS = 60;

/** Whole seconds from now until a time, within the shortest and longest wait. */
export function secondsUntil(at: Date | string, now: Date): number {
  const ms = new Date(at).getTime() - now.getTime();
  return Math.min(LONGEST_WAIT_SECONDS, Math.max(SHORTEST_WAIT_SECONDS, Math.ceil(ms / 1000)));
}

/** The event a wait ended with; `timeout` when its time ran out. */
export const eventOf = (state: FlowState): string => state.event?.event ?? 'timeout';

export const step = (
  participantId: string,
  next: NextStep,
  extra: Omit<StepResult, 'participantId' | 'next'> = {},
): StepResult => ({ participantId, next, ...extra });
