import { ForbiddenError } from './errors.ts';

/**
 * Staff and what each may see. Roles come from the sign-in (Cognito groups, locally the same
 * claims); the scope (which forms a coordinator or viewer works on) is kept in our table, because
 * an admin changes it in the console and it must hold at once, not at the next token.
 *
 * - admin: every form; manages forms, users, settings.
 * - coordinator: the forms assigned to them; reads and acts (decides, notes, assigns, exports).
 * - viewer: the forms assigned to them; reads only.
 */
export const STAFF_ROLES = ['admin', 'coordinator', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The signed-in caller, from the token. */
export interface Caller {
  readonly sub: string;
  readonly username: string;
  readonly email?: string;
  readonly groups: readonly string[];
}

/** Which forms a caller may see: all of them, or those listed. */
export type FormScope = { readonly all: true } | { readonly all: false; readonly forms: ReadonlySet<string> };

/** `*` in a staff member's forms means every form, present and future. */
export const EVERY_FORM = '*';

export interface StaffAssignments {
  /** The form slugs assigned to this staff member (`*` for every form); empty when none. */
  formsOf(sub: string): Promise<readonly string[]>;
}

export const isAdmin = (caller: Caller): boolean => caller.groups.includes('admin');

/** The caller's scope: admins see every form; others what is assigned to them. */
export async function scopeOf(caller: Caller, assignments: StaffAssignments): Promise<FormScope> {
  if (isAdmin(caller)) return { all: true };
  const forms = await assignments.formsOf(caller.sub);
  if (forms.includes(EVERY_FORM)) return { all: true };
  return { all: false, forms: new Set(forms) };
}

export const inScope = (scope: FormScope, slug: string): boolean => scope.all || scope.forms.has(slug);

/** For routes about one form: 403 naming the form when it is not the caller's. */
export function assertFormInScope(scope: FormScope, slug: string): void {
  if (!inScope(scope, slug)) throw new ForbiddenError(`You are not assigned to the form "${slug}".`);
}

/** The slugs to list for a caller, given every form there is. */
export const visibleForms = (scope: FormScope, allSlugs: readonly string[]): string[] =>
  allSlugs.filter((slug) => inScope(scope, slug));
