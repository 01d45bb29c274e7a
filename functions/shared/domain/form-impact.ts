import type { FormImpact } from '../contracts/form-editor.ts';
import type { DiffableDefinition } from './form-diff.ts';
import { type FormField, formFields } from './form-fields.ts';

type Json = Record<string, unknown>;
type Change = FormImpact['breaking'][number]['change'];

/** A change that earlier answers may not survive, and which of those answers it hits. */
export interface BreakingChange {
  readonly path: string;
  readonly label: string;
  readonly change: Change;
  readonly detail: string;
  /** Whether one earlier submission's answers are affected. */
  readonly affects: (answers: Json) => boolean;
}

/** Reads the answers of a form's submissions, only the top-level fields named, at most `cap`. */
export interface FormAnswers {
  answers(slug: string, fields: readonly string[], cap: number): AsyncIterable<Json>;
}

/** Beyond this many submissions the impact says "at least": an editor waits seconds, not minutes. */
export const IMPACT_SUBMISSION_CAP = 10_000;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every value at a data path; arrays on the way are stepped through (`languages.level`). */
export function valuesAt(data: unknown, path: string): unknown[] {
  let current: unknown[] = [data];
  for (const name of path.split('.')) {
    current = current
      .flatMap((value) => (Array.isArray(value) ? value : [value]))
      .filter(isObject)
      .map((value) => value[name])
      .filter((value) => value !== undefined);
  }
  return current;
}

const answered = (value: unknown) =>
  value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
const hasAnswer = (path: string) => (data: Json) => valuesAt(data, path).some(answered);

const jsonType = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number' && Number.isInteger(value)
        ? 'integer'
        : typeof value;

const fitsType = (type: string, value: unknown): boolean => {
  const actual = jsonType(value);
  if (type.startsWith('array')) return actual === 'array';
  return type
    .split('|')
    .some((one) => one === actual || (one === 'number' && actual === 'integer') || one === 'any');
};

/** Whether one answer breaks one of the limits that got tighter. */
function breaksLimits(
  value: unknown,
  limits: Readonly<Record<string, number | string>>,
  pattern?: string,
): boolean {
  const length = typeof value === 'string' || Array.isArray(value) ? value.length : undefined;
  const number = typeof value === 'number' ? value : undefined;
  const num = (keyword: string) =>
    typeof limits[keyword] === 'number' ? (limits[keyword] as number) : undefined;
  const checks: Array<[number | undefined, (limit: number) => boolean]> = [
    [num('minLength'), (limit) => typeof value === 'string' && value.length < limit],
    [num('maxLength'), (limit) => typeof value === 'string' && value.length > limit],
    [num('minItems'), (limit) => Array.isArray(value) && (length as number) < limit],
    [num('maxItems'), (limit) => Array.isArray(value) && (length as number) > limit],
    [num('minimum'), (limit) => number !== undefined && number < limit],
    [num('maximum'), (limit) => number !== undefined && number > limit],
    [num('exclusiveMinimum'), (limit) => number !== undefined && number <= limit],
    [num('exclusiveMaximum'), (limit) => number !== undefined && number >= limit],
  ];
  if (checks.some(([limit, breaks]) => limit !== undefined && breaks(limit))) return true;
  if (pattern !== undefined && typeof value === 'string') {
    try {
      return !new RegExp(pattern, 'u').test(value);
    } catch {
      return false;
    }
  }
  return false;
}

const TIGHTER: Record<string, 'up' | 'down'> = {
  minLength: 'up',
  minItems: 'up',
  minimum: 'up',
  exclusiveMinimum: 'up',
  maxLength: 'down',
  maxItems: 'down',
  maximum: 'down',
  exclusiveMaximum: 'down',
};

function tighterLimits(before: FormField, after: FormField): string[] {
  const tighter = Object.entries(TIGHTER).flatMap(([keyword, direction]) => {
    const from = before.limits[keyword];
    const to = after.limits[keyword];
    if (typeof to !== 'number') return [];
    if (typeof from !== 'number') return [`${keyword} ${to}`];
    return (direction === 'up' ? to > from : to < from) ? [`${keyword} ${from} → ${to}`] : [];
  });
  if (after.pattern !== undefined && after.pattern !== before.pattern)
    tighter.push(`pattern ${after.pattern}`);
  return tighter;
}

const sameKind = (a: FormField, b: FormField) => a.label === b.label && a.type === b.type;

/** What in `target` would break answers given to `published`: removed, renamed, retyped, narrowed, newly required. */
export function breakingChanges(published: DiffableDefinition, target: DiffableDefinition): BreakingChange[] {
  const read = (definition: DiffableDefinition) =>
    formFields({
      schema: isObject(definition.schema) ? definition.schema : {},
      uischema: isObject(definition.uischema) ? definition.uischema : {},
      translations: (isObject(definition.translations) ? definition.translations : {}) as Record<
        string,
        Record<string, string>
      >,
      defaultLocale: String(definition.defaultLocale ?? ''),
    });
  const oldFields = read(published);
  const newFields = new Map(read(target).map((field) => [field.path, field]));
  const added = [...newFields.values()].filter((field) => !oldFields.some((old) => old.path === field.path));
  const breaking: BreakingChange[] = [];
  for (const old of oldFields) {
    const now = newFields.get(old.path);
    const base = { path: old.path, label: old.label };
    if (!now) {
      const renamedTo = added.find((candidate) => sameKind(candidate, old));
      breaking.push(
        renamedTo
          ? {
              ...base,
              change: 'renamed',
              detail: `now ${renamedTo.path}; earlier answers stay under ${old.path}`,
              affects: hasAnswer(old.path),
            }
          : {
              ...base,
              change: 'removed',
              detail: 'earlier answers are no longer shown in the form',
              affects: hasAnswer(old.path),
            },
      );
      continue;
    }
    if (old.type !== now.type) {
      breaking.push({
        ...base,
        change: 'retyped',
        detail: `${old.type} → ${now.type}`,
        affects: (data) =>
          valuesAt(data, old.path).some((value) => answered(value) && !fitsType(now.type, value)),
      });
      continue;
    }
    const dropped = (old.options ?? []).filter((option) => now.options && !now.options.includes(option));
    const tighter = tighterLimits(old, now);
    if (dropped.length || tighter.length) {
      breaking.push({
        ...base,
        change: 'narrowed',
        detail: [...(dropped.length ? [`options removed: ${dropped.join(', ')}`] : []), ...tighter].join(
          '; ',
        ),
        affects: (data) =>
          valuesAt(data, old.path).some(
            (value) =>
              (Array.isArray(value) ? value : [value]).some((one) => dropped.includes(String(one))) ||
              breaksLimits(value, now.limits, now.pattern !== old.pattern ? now.pattern : undefined),
          ),
      });
    }
    if (now.required && !old.required) {
      breaking.push({
        ...base,
        change: 'newly-required',
        detail: 'earlier submissions without an answer would not be accepted now',
        affects: (data) => !valuesAt(data, old.path).some(answered),
      });
    }
  }
  return breaking;
}

/**
 * The breaking changes with the number of earlier submissions each one hits, reading only the
 * answers those changes touch. Beyond the cap `capped` says the numbers are lower bounds.
 */
export async function measureImpact(
  source: FormAnswers,
  slug: string,
  against: number | undefined,
  changes: readonly BreakingChange[],
  cap = IMPACT_SUBMISSION_CAP,
): Promise<FormImpact & { capped: boolean }> {
  const counts = changes.map(() => 0);
  let submissions = 0;
  const fields = [...new Set(changes.map((change) => change.path.split('.')[0] as string))];
  for await (const answers of source.answers(slug, fields, cap + 1)) {
    if (submissions === cap) return result(true);
    submissions += 1;
    changes.forEach((change, index) => {
      if (change.affects(answers)) counts[index] = (counts[index] ?? 0) + 1;
    });
  }
  return result(false);

  function result(capped: boolean) {
    return {
      ...(against === undefined ? {} : { against }),
      submissions,
      capped,
      breaking: changes.map(({ affects: _affects, ...change }, index) => ({
        ...change,
        submissions: counts[index] ?? 0,
      })),
    };
  }
}
