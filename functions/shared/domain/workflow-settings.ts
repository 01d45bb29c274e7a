import counsellingIntake from '../definitions/workflows/counselling-intake.asl.json' with { type: 'json' };
import volunteerOnboarding from '../definitions/workflows/volunteer-onboarding.asl.json' with {
  type: 'json',
};
import * as z from '../zod.ts';
import { defaultApprovalSettings } from './approvals.ts';

/*
 * The settings each workflow reads from a form, in one place: the workflow's tasks parse them
 * with these schemas, and form validation checks a form against the same ones at validate, save
 * and publish, so a form the workflow would reject is never published. No AWS imports.
 *
 * Each schema comes in two strengths built from one definition: tasks ignore unknown keys (a
 * version published before a setting was renamed keeps running), while validation refuses them
 * (a misspelt `reminderAfterDay` would otherwise silently fall back to the default). The strict
 * ones, and the list of workflows a form may name, are in form-workflow-settings.ts, which only
 * form validation needs (it reads the function definitions).
 */

const DAY = 86_400;
const HOUR = 3_600;

/**
 * Kept free of waits within each execution's TimeoutSeconds for the steps between the waits: a
 * Lambda step retries for about 12 minutes at worst (60 s, six retries with back-off) and a path
 * has up to five of them, so one day is ample and gives admins round limits.
 */
const OTHER_STEPS_SECONDS = DAY;

/** Seconds the waits of a workflow may take in all, from its own ASL definition. */
const waitBudget = (definition: { TimeoutSeconds: number }) =>
  definition.TimeoutSeconds - OTHER_STEPS_SECONDS;
const inWords = (seconds: number) =>
  seconds % DAY === 0 ? `${seconds / DAY} days` : `${Math.round(seconds / HOUR)} hours`;

export type ObjectFactory = typeof z.object;
const email = z.email({ message: 'must be an e-mail address such as team@example.org' });
const positive = (what: string) =>
  z
    .number({ message: `must be a number of ${what}` })
    .check(z.positive({ message: `must be more than 0 ${what}` }));
const fieldName = z.string().check(z.minLength(1));

/** What volunteer onboarding waits for, in seconds, as its ASL `TimeoutSecondsPath`s read them. */
export function approvalWaitSeconds(settings: {
  reminderAfterDays: number;
  escalateAfterDays: number;
  expireAfterDays: number;
}) {
  return {
    reminderSeconds: Math.round(settings.reminderAfterDays * DAY),
    escalationSeconds: Math.round((settings.escalateAfterDays - settings.reminderAfterDays) * DAY),
    expirySeconds: Math.round((settings.expireAfterDays - settings.escalateAfterDays) * DAY),
    answerSeconds: Math.round(settings.expireAfterDays * DAY),
  };
}

/** What counselling intake waits for a pickup, in seconds (twice: before and after escalation). */
export const intakeWaitSeconds = (settings: { pickupWithinHours: number }) => ({
  pickupSeconds: Math.round(settings.pickupWithinHours * HOUR),
});

export function approvalSettings(object: ObjectFactory) {
  return object({
    coordinators: z._default(z.array(email), []),
    escalationContact: z.optional(email),
    routing: z.optional(object({ field: fieldName, values: z.record(z.string(), z.array(email)) })),
    reminderAfterDays: z._default(positive('days'), defaultApprovalSettings.reminderAfterDays),
    escalateAfterDays: z._default(positive('days'), defaultApprovalSettings.escalateAfterDays),
    expireAfterDays: z._default(positive('days'), defaultApprovalSettings.expireAfterDays),
    summaryFields: z._default(z.array(z.string()), []),
    locale: z._default(z.string(), 'de'),
  }).check(
    z.superRefine((settings, context) => {
      const problem = (field: string, message: string) =>
        context.addIssue({ code: 'custom', path: [field], message });
      if (settings.coordinators.length === 0) {
        problem(
          'coordinators',
          'needs at least one e-mail address: the coordinators decide on each application (also when routing finds no one for an answer)',
        );
      }
      if (settings.escalateAfterDays <= settings.reminderAfterDays) {
        problem(
          'escalateAfterDays',
          `must be more days than reminderAfterDays (${settings.reminderAfterDays}): the reminder comes first, then the escalation`,
        );
        return;
      }
      if (settings.expireAfterDays <= settings.escalateAfterDays) {
        problem(
          'expireAfterDays',
          `must be more days than escalateAfterDays (${settings.escalateAfterDays}): the application expires only after the escalation`,
        );
        return;
      }
      const waits = approvalWaitSeconds(settings);
      if (waits.reminderSeconds < 1)
        problem('reminderAfterDays', 'is too short: it must be at least 1 second');
      if (waits.escalationSeconds < 1)
        problem('escalateAfterDays', 'must be at least 1 second later than reminderAfterDays');
      if (waits.expirySeconds < 1)
        problem('expireAfterDays', 'must be at least 1 second later than escalateAfterDays');
      const budget = waitBudget(volunteerOnboarding);
      if (waits.answerSeconds > budget) {
        problem(
          'expireAfterDays',
          `must be at most ${inWords(budget)}: the approval workflow ends after ${inWords(volunteerOnboarding.TimeoutSeconds)} at the latest, and a day of that is kept for its other steps`,
        );
      }
    }),
  );
}

export function intakeSettings(object: ObjectFactory) {
  const team = object({
    id: z.string().check(z.minLength(1)),
    name: z.string().check(z.minLength(1)),
    email,
    ageGroup: z.enum(['youth', 'adult'], { message: 'must be "youth" or "adult"' }),
    languages: z.optional(z.array(z.string())),
  });
  return object({
    teams: z.array(team).check(z.minLength(1)),
    youthAgeLimit: z._default(z.number().check(z.int(), z.positive()), 27),
    pickupWithinHours: z._default(positive('hours'), 48),
    escalationContact: z.optional(email),
    ageField: z._default(fieldName, 'age'),
    languagesField: z._default(fieldName, 'languages'),
    topicField: z._default(fieldName, 'topics'),
    locale: z._default(z.string(), 'de'),
  }).check(
    z.superRefine((settings, context) => {
      const problem = (field: string, message: string) =>
        context.addIssue({ code: 'custom', path: [field], message });
      for (const ageGroup of ['youth', 'adult'] as const) {
        if (!settings.teams.some((entry) => entry.ageGroup === ageGroup)) {
          problem(
            'teams',
            `needs a team with ageGroup "${ageGroup}": every request is routed to one of each`,
          );
        }
      }
      const { pickupSeconds } = intakeWaitSeconds(settings);
      const budget = waitBudget(counsellingIntake);
      if (pickupSeconds < 1) problem('pickupWithinHours', 'is too short: it must be at least 1 second');
      else if (2 * pickupSeconds > budget) {
        problem(
          'pickupWithinHours',
          `must be at most ${Math.floor(budget / 2 / HOUR)} hours: a case waits this long twice (before and after the escalation), and the intake workflow ends after ${inWords(counsellingIntake.TimeoutSeconds)} at the latest, with a day of that kept for its other steps`,
        );
      }
    }),
  );
}

/**
 * Which answers name the applicant: the confirmation e-mail reads them (every workflow confirms
 * receipt), and the inbox lists and searches by them.
 */
export const commonSettings = {
  confirmationEmailField: z.optional(fieldName),
  firstNameField: z.optional(fieldName),
  lastNameField: z.optional(fieldName),
};

/** What the workflows' tasks parse: unknown keys are ignored. */
export const approvalSettingsSchema = approvalSettings(z.object);
export const intakeSettingsSchema = intakeSettings(z.object);
