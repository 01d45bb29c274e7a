import type { Page } from 'playwright-core';

/**
 * The field-typing driver of `npm run bench:web`: answers every field of a form the way a volunteer
 * would, one after the other: a few characters typed into each text-like field, every checkbox and
 * radio ticked, the first real option chosen in every select, a date or time set. Fields a rule
 * shows only after an answer (e.g. "other, namely") are found in the next pass. Hidden fields and
 * fields kept from keyboards (the honeypot) are left alone, as a person would never reach them.
 */

export type FieldKind = 'text' | 'number' | 'date' | 'check' | 'select' | 'other';

export interface DrivenField {
  readonly kind: FieldKind;
  /** The field's name or id, for a reader; not used to find it. */
  readonly name: string;
}

/** Between two keystrokes: quick typing, so handlers that take longer than this pile up. */
const KEY_GAP_MS = 100;
const MAX_PASSES = 6;
const TYPED: Record<string, string> = {
  text: 'Abc',
  number: '42',
  email: 'a@b',
  tel: '030',
  url: 'a.de',
};
const DATED: Record<string, string> = {
  date: '2030-05-01',
  time: '10:30',
  'datetime-local': '2030-05-01T10:30',
  month: '2030-05',
  week: '2030-W18',
};

interface Found {
  /** A selector that finds the field again after a re-render: its id, else name (and value), else a mark. */
  readonly selector: string;
  readonly tag: string;
  readonly type: string;
  readonly name: string;
}

/** The visible, reachable fields whose selector is not in `done`. Runs in the page. */
function nextFields([formSelector, done]: [string, string[]]): Found[] {
  const form = document.querySelector(formSelector);
  if (!form) throw new Error(`no ${formSelector} on the page`);
  const counter = window as unknown as { __benchFields?: number };
  const unique = (selector: string) => document.querySelectorAll(selector).length === 1;
  const selectorOf = (input: HTMLInputElement) => {
    const tag = input.tagName.toLowerCase();
    const byId = input.id ? `#${CSS.escape(input.id)}` : '';
    if (byId && unique(byId)) return byId;
    const checkable = input.type === 'checkbox' || input.type === 'radio';
    const value = checkable ? `[value="${CSS.escape(input.value)}"]` : '';
    const byName = input.name ? `${formSelector} ${tag}[name="${CSS.escape(input.name)}"]${value}` : '';
    if (byName && unique(byName)) return byName;
    if (!input.hasAttribute('data-bench-field')) {
      counter.__benchFields = (counter.__benchFields ?? 0) + 1;
      input.setAttribute('data-bench-field', String(counter.__benchFields));
    }
    return `[data-bench-field="${input.getAttribute('data-bench-field')}"]`;
  };
  const found: Found[] = [];
  for (const element of form.querySelectorAll<HTMLInputElement>('input, textarea, select')) {
    const hidden = element.type === 'hidden' || element.type === 'submit' || element.type === 'button';
    const unreachable = element.tabIndex < 0 || element.disabled || !!element.closest('[aria-hidden="true"]');
    const shown = element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    if (hidden || unreachable || !shown) continue;
    const selector = selectorOf(element);
    if (done.includes(selector)) continue;
    const tag = element.tagName.toLowerCase();
    found.push({ selector, tag, type: element.type ?? '', name: element.name || element.id });
  }
  return found;
}

export function kindOf(tag: string, type: string): FieldKind {
  if (tag === 'select') return 'select';
  if (tag === 'textarea') return 'text';
  if (type === 'checkbox' || type === 'radio') return 'check';
  if (type === 'number') return 'number';
  if (type in DATED) return 'date';
  if (type === 'range' || type === 'color' || type === 'file') return 'other';
  return 'text';
}

async function answer(
  page: Page,
  selector: string,
  tag: string,
  type: string,
  keyGapMs: number,
): Promise<void> {
  const field = page.locator(selector);
  const kind = kindOf(tag, type);
  if (kind === 'text' || kind === 'number') {
    await field.click();
    await page.keyboard.type(TYPED[type] ?? (kind === 'number' ? '42' : 'Abc'), { delay: keyGapMs });
  } else if (kind === 'date') {
    await field.fill(DATED[type] ?? '');
  } else if (kind === 'check') {
    await field.click();
  } else if (kind === 'select') {
    const options = await field
      .locator('option')
      .evaluateAll((all) => (all as HTMLOptionElement[]).map((option) => option.value));
    const value = options.find((option) => option !== '');
    if (value !== undefined) await field.selectOption(value);
  } else {
    await field.focus();
    await page.keyboard.press('ArrowRight');
  }
}

/**
 * Drives every field inside `formSelector` (passes until no new field shows); returns them in order.
 * `keyGapMs`: pause between keystrokes (a test that only counts fields needs none).
 */
export async function driveEveryField(
  page: Page,
  formSelector: string,
  options: { readonly keyGapMs?: number } = {},
): Promise<DrivenField[]> {
  const driven: DrivenField[] = [];
  const done: string[] = [];
  // tsx (esbuild's keepNames) wraps named inner functions in `__name(...)`, which the page lacks.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fields = await page.evaluate(nextFields, [formSelector, done] as [string, string[]]);
    if (fields.length === 0) return driven;
    for (const field of fields) {
      await answer(page, field.selector, field.tag, field.type, options.keyGapMs ?? KEY_GAP_MS);
      done.push(field.selector);
      driven.push({ kind: kindOf(field.tag, field.type), name: field.name });
    }
  }
  return driven;
}
