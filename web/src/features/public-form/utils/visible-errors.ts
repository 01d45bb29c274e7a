import type { ErrorTranslator, JsonSchema, Translator } from '@jsonforms/core';
import { getControlPath, Resolve } from '@jsonforms/core';
import type { ErrorObject } from 'ajv';
import type { Messages } from '../messages.ts';
import { arrayWords, keyPrefixOf, labelOf } from './labels.ts';

/**
 * Errors appear once a field has been left (touched) or the form was submitted, never while
 * someone is still typing their first answer.
 */
export function isErrorVisible(path: string, touched: ReadonlySet<string>, submitted: boolean): boolean {
  return submitted || touched.has(path);
}

/** Keywords whose errors only repeat what the errors beside them already say. */
const NOISE = new Set(['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'additionalProperties']);

export interface SummaryEntry {
  readonly path: string;
  readonly label: string;
  readonly message: string;
}

function schemaAt(rootSchema: JsonSchema, segments: readonly string[]): JsonSchema | undefined {
  const scope = segments.map((s) => (/^\d+$/.test(s) ? 'items' : `properties/${s}`)).join('/');
  try {
    return Resolve.schema(rootSchema, `#/${scope}`, rootSchema);
  } catch {
    return undefined;
  }
}

/** "Language 2: Level" for `languages.1.level`; plain "Level" outside arrays. */
export function summaryLabel(
  path: string,
  rootSchema: JsonSchema,
  translate: Translator,
  messages: Messages,
): string {
  const segments = path.split('.');
  const label = labelOf(keyPrefixOf(path), schemaAt(rootSchema, segments), translate);
  const legends: string[] = [];
  segments.forEach((segment, i) => {
    if (!/^\d+$/.test(segment) || i === 0) return;
    const arrayPath = segments.slice(0, i).join('.');
    const arrayPrefix = keyPrefixOf(arrayPath);
    const arraySchema = schemaAt(rootSchema, segments.slice(0, i));
    const items = schemaAt(rootSchema, segments.slice(0, i + 1));
    const words = arrayWords(
      arrayPrefix,
      labelOf(arrayPrefix, arraySchema, translate),
      items,
      translate,
      messages,
    );
    legends.push(words.legend(Number(segment)));
  });
  return [...legends, label].join(': ');
}

/** One entry per field (its first error); the page sorts them into the order of the fields. */
export function summarise(
  errors: readonly ErrorObject[],
  context: {
    rootSchema: JsonSchema;
    translate: Translator;
    translateError: ErrorTranslator;
    messages: Messages;
  },
): SummaryEntry[] {
  const entries = new Map<string, SummaryEntry>();
  for (const error of errors) {
    if (NOISE.has(error.keyword)) continue;
    const path = getControlPath(error);
    if (entries.has(path)) continue;
    entries.set(path, {
      path,
      label: summaryLabel(path, context.rootSchema, context.translate, context.messages),
      message: context.translateError(error, context.translate),
    });
  }
  return [...entries.values()];
}

/** A field problem the server reported, with the value it was about. */
export interface ServerIssue {
  readonly path: string;
  readonly message: string;
  readonly value: string | undefined;
}

export function valueAt(data: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      data,
    );
}

export const snapshot = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));

/** Server issues stay on a field until its value changes. */
export const openIssues = (issues: readonly ServerIssue[], data: unknown) =>
  issues.filter((issue) => snapshot(valueAt(data, issue.path)) === issue.value);

const pointer = (path: string) =>
  `/${path
    .split('.')
    .map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/')}`;

/** Server issues as errors JSON Forms can show beside the fields (its `additionalErrors`). */
export function issuesAsErrors(issues: readonly ServerIssue[]): ErrorObject[] {
  return issues.map((issue) => ({
    instancePath: pointer(issue.path),
    schemaPath: '#/server',
    keyword: 'server',
    params: {},
    message: issue.message,
  }));
}
