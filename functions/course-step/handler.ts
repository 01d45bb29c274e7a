import { courseDeps } from '#shared/course-deps.ts';
import { taskHandler } from '#shared/task.ts';
import * as z from '#shared/zod.ts';
import { begin } from './begin.ts';
import { certificationDone } from './certification-done.ts';
import { confirm } from './confirm.ts';
import { handleEvent } from './handle-event.ts';
import { offer } from './offer.ts';
import { plan } from './plan.ts';
import { release } from './release.ts';
import { remind } from './remind.ts';
import { flowState } from './state.ts';
import { awaitAnswer, awaitCourse, awaitEvent, awaitSeat } from './waits.ts';

const deps = courseDeps();

const plainSteps = { offer, confirm, release, plan, remind, 'handle-event': handleEvent } as const;
const waits = {
  'await-answer': awaitAnswer,
  'await-seat': awaitSeat,
  'await-course': awaitCourse,
  'await-event': awaitEvent,
} as const;

const payload = z.discriminatedUnion('step', [
  z.object({ step: z.literal('begin'), submissionId: z.uuid() }),
  z.object({
    step: z.literal('certification-done'),
    courseId: z.string().check(z.minLength(1), z.maxLength(80)),
  }),
  z.object({
    step: z.enum(Object.keys(plainSteps) as [keyof typeof plainSteps]),
    input: flowState,
  }),
  z.object({
    step: z.enum(Object.keys(waits) as [keyof typeof waits]),
    input: flowState,
    taskToken: z.string().check(z.minLength(1)),
  }),
]);

/**
 * Every step of the volunteer's course path (docs/courses.md), one module each. Plain steps return
 * the next state (ids, next step, seconds); waits park the task token and return nothing.
 */
export const handler = taskHandler(payload, async (event) => {
  switch (event.step) {
    case 'begin':
      return begin(deps, event.submissionId);
    case 'certification-done':
      return certificationDone(deps, event.courseId);
    case 'await-answer':
    case 'await-seat':
    case 'await-course':
    case 'await-event':
      await waits[event.step](deps, event.input, event.taskToken);
      return {};
    default:
      return plainSteps[event.step](deps, event.input);
  }
});
