import { courseDeps } from '#shared/course-deps.ts';
import { taskHandler } from '#shared/task.ts';
import * as z from '#shared/zod.ts';
import { certify } from './certify.ts';

const deps = courseDeps();

/** Workflow task of the course-certification Map: certifies one participant (or not). */
export const handler = taskHandler(
  z.object({
    courseId: z.string().check(z.minLength(1), z.maxLength(80)),
    participantId: z.string().check(z.minLength(1), z.maxLength(80)),
  }),
  ({ courseId, participantId }) => certify(deps, courseId, participantId),
);
