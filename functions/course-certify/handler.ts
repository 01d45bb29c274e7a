import * as z from 'zod';
import { courseDeps } from '#shared/course-deps.ts';
import { taskHandler } from '#shared/task.ts';
import { certify } from './certify.ts';

const deps = courseDeps();

/** Workflow task of the course-certification Map: certifies one participant (or not). */
export const handler = taskHandler(
  z.object({ courseId: z.string().min(1).max(80), participantId: z.string().min(1).max(80) }),
  ({ courseId, participantId }) => certify(deps, courseId, participantId),
);
