import * as z from '../zod.ts';
import { slug } from './form-definition.ts';

/** Staff accounts as the console's user management sends and reads them. */
export const staffRole = z.enum(['admin', 'coordinator', 'viewer']);

/** A form slug, or `*` for every form, present and future. */
const formAssignment = z.union([z.literal('*'), slug]);
const teamId = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[A-Za-z0-9_-]+$/, { message: 'must use only letters, digits, - and _' }),
  );

const forms = z.array(formAssignment).check(z.maxLength(200));
const teams = z.array(teamId).check(z.maxLength(50));

export const inviteUserRequest = z.strictObject({
  /** Becomes the username, lower-cased: one account per address. */
  email: z.pipe(
    z.pipe(z.string().check(z.trim(), z.maxLength(254)), z.email({ message: 'must be an e-mail address' })),
    z.transform((value) => value.toLowerCase()),
  ),
  role: staffRole,
  forms,
  teams: z.optional(teams),
  /** Language of the invitation mail and the set-password page. */
  locale: z.enum(['de', 'en']),
});

export const updateUserRequest = z
  .strictObject({
    role: z.optional(staffRole),
    forms: z.optional(forms),
    teams: z.optional(teams),
    enabled: z.optional(z.boolean()),
  })
  .check(
    z.refine((value) => Object.keys(value).length > 0, {
      message: 'must change at least one of role, forms, teams, enabled',
    }),
  );

export const userView = z.object({
  /** The account's stable id (Cognito `sub`); routes name users by it, never by e-mail. */
  id: z.string(),
  email: z.string(),
  role: z.nullable(staffRole),
  forms: z.array(z.string()),
  teams: z.array(z.string()),
  enabled: z.boolean(),
  status: z.enum(['invited', 'active', 'disabled']),
  createdAt: z.string(),
});

export type InviteUserRequest = z.output<typeof inviteUserRequest>;
export type UpdateUserRequest = z.output<typeof updateUserRequest>;
export type UserView = z.output<typeof userView>;
