import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { buildHarness, serveFolder } from '../support/build-harness/build.ts';

/*
 * The Build tab alone in Chromium (test/support/build-harness): what a person does with mouse and
 * keyboard reaches the definition the page holds. The editor page's own walk-through is separate.
 */

let browser: Browser;
let server: Server;
let url: string;
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'lotse-build-harness-'));
  await buildHarness(folder);
  ({ url, server } = await serveFolder(folder));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

// biome-ignore lint/suspicious/noExplicitAny: the test reads deep into JSON it has just had written.
type Definition = { schema: Record<string, any>; uischema: Record<string, any> };
const definitionOf = (page: Page) => page.evaluate(() => window.harness.definition) as Promise<Definition>;
const changesOf = (page: Page) => page.evaluate(() => window.harness.changes);
const rowLabels = (page: Page) => page.locator('.build-row .build-row-label').allInnerTexts();
const scopes = async (page: Page) =>
  ((await definitionOf(page)).uischema.elements as { scope?: string }[]).map((e) => e.scope);
const violations = async (page: Page) =>
  (await new AxeBuilder({ page }).include('.build-tab').analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`,
  );

async function openHarness(lang = 'de'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}?lang=${lang}`);
  await page
    .getByRole('heading', { name: lang === 'de' ? 'Felder des Formulars' : 'The form’s fields' })
    .waitFor();
  return page;
}

async function addThreeFields(page: Page) {
  await page.getByRole('button', { name: 'Ja/Nein', exact: true }).click();
  await page.getByRole('button', { name: 'Kurzer Text', exact: true }).click();
  await page.getByRole('button', { name: 'E-Mail', exact: true }).click();
  await expect.poll(() => rowLabels(page)).toEqual(['Ja oder nein', 'Kurzer Text', 'E-Mail-Adresse']);
}

describe('the Build tab', () => {
  it('adds fields from the palette and the library, each a named change', async () => {
    const page = await openHarness();
    await addThreeFields(page);
    await page.getByRole('button', { name: 'Vorname', exact: true }).click();
    const definition = await definitionOf(page);
    expect(Object.keys(definition.schema.properties)).toEqual([
      'jaOderNein',
      'kurzerText',
      'eMailAdresse',
      'firstName',
    ]);
    expect(definition.schema.required).toEqual(['firstName']);
    expect(await changesOf(page)).toEqual([
      'Feld „Ja/Nein“ hinzugefügt',
      'Feld „Kurzer Text“ hinzugefügt',
      'Feld „E-Mail“ hinzugefügt',
      'Feld „Vorname“ hinzugefügt',
    ]);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('reorders with the keyboard alone: space, arrow, space', async () => {
    const page = await openHarness();
    await addThreeFields(page);
    await page.getByRole('button', { name: '„E-Mail-Adresse“ verschieben' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.build-row[data-dragging]').count()).toBe(1);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.locator('#DndLiveRegion-0').innerText()).toContain('über „Kurzer Text“');
    await page.keyboard.press('Space');
    await expect.poll(() => rowLabels(page)).toEqual(['Ja oder nein', 'E-Mail-Adresse', 'Kurzer Text']);
    expect(await scopes(page)).toEqual([
      '#/properties/jaOderNein',
      '#/properties/eMailAdresse',
      '#/properties/kurzerText',
    ]);
    expect((await changesOf(page)).at(-1)).toBe('„E-Mail-Adresse“ verschoben');
    await page.getByRole('button', { name: 'Nach unten' }).click();
    await expect.poll(() => rowLabels(page)).toEqual(['Ja oder nein', 'Kurzer Text', 'E-Mail-Adresse']);
    await page.context().close();
  });

  it('sets a show-when rule by picking a field and a value', async () => {
    const page = await openHarness();
    await addThreeFields(page);
    await page.locator('.build-select', { hasText: 'Kurzer Text' }).click();
    const showWhen = page.getByRole('group', { name: 'Nur anzeigen, wenn …' });
    await showWhen.getByLabel('Feld').selectOption({ label: 'Ja oder nein' });
    await expect
      .poll(async () => (await definitionOf(page)).uischema.elements[1].rule)
      .toEqual({ effect: 'SHOW', condition: { scope: '#/properties/jaOderNein', schema: { const: true } } });
    await showWhen.getByLabel('hat den Wert').selectOption({ label: 'Nein' });
    await expect
      .poll(async () => (await definitionOf(page)).uischema.elements[1].rule?.condition.schema)
      .toEqual({ const: false });
    await page.getByLabel('Beschriftung').press('End');
    await page.keyboard.type(' 2');
    await expect.poll(() => rowLabels(page)).toEqual(['Ja oder nein', 'Kurzer Text 2', 'E-Mail-Adresse']);
    // One name for the whole run of keystrokes, so the page's undo can merge them.
    expect((await changesOf(page)).slice(-2)).toEqual([
      'Beschriftung von „Kurzer Text“ geändert',
      'Beschriftung von „Kurzer Text“ geändert',
    ]);
    await page.getByLabel('Pflichtfeld').check();
    await page.getByLabel('Höchstlänge').fill('20');
    await expect.poll(async () => (await definitionOf(page)).schema.properties.kurzerText.maxLength).toBe(20);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('edits the documents in JSON mode, refuses what does not parse, and stays in sync', async () => {
    const page = await openHarness();
    await addThreeFields(page);
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    const schemaEditor = page.getByRole('textbox', { name: 'JSON Schema (Antworten)' });
    await expect.poll(() => schemaEditor.innerText()).toContain('"kurzerText"');

    const edited = (await definitionOf(page)).schema;
    edited.properties.kurzerText.title = 'Name';
    await schemaEditor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(JSON.stringify(edited, null, 2));
    await expect.poll(async () => (await definitionOf(page)).schema.properties.kurzerText.title).toBe('Name');
    expect((await changesOf(page)).at(-1)).toBe('JSON Schema (Antworten) im JSON-Modus bearbeitet');

    const before = await changesOf(page);
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('{ "type": ');
    await expect
      .poll(() => page.locator('#build-json-schema-status').innerText())
      .toContain('Kein gültiges JSON');
    expect(await changesOf(page)).toEqual(before);
    expect(await violations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Visuell' }).click();
    await expect.poll(() => rowLabels(page)).toEqual(['Ja oder nein', 'Name', 'E-Mail-Adresse']);
    await page.getByRole('button', { name: 'Langer Text', exact: true }).click();
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'UI-Schema (Anordnung)' }).innerText())
      .toContain('langerText');
    await page.context().close();
  });

  it('underlines a UI schema element that misses what its type needs', async () => {
    const page = await openHarness();
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    const ui = page.getByRole('textbox', { name: 'UI-Schema (Anordnung)' });
    await ui.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('{ "type": "VerticalLayout", "elements": [ { "type": "Control" } ] }');
    await expect.poll(() => page.locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('takes a palette field dragged with the mouse between two rows; English console, German form', async () => {
    const page = await openHarness('en');
    await page.getByRole('button', { name: 'Short text', exact: true }).click();
    await page.getByRole('button', { name: 'Number', exact: true }).click();
    // The console speaks English; the new fields' texts are in the form's default language, German.
    await expect.poll(() => rowLabels(page)).toEqual(['Kurzer Text', 'Zahl']);
    const source = await page.getByRole('button', { name: 'Date', exact: true }).boundingBox();
    const target = await page.locator('.build-row', { hasText: 'Zahl' }).boundingBox();
    if (!source || !target) throw new Error('no boxes');
    await page.mouse.move(source.x + 10, source.y + source.height / 2);
    await page.mouse.down();
    await page.mouse.move(source.x + 30, source.y + source.height / 2, { steps: 5 });
    await page.mouse.move(target.x + 40, target.y + target.height / 2, { steps: 10 });
    await page.mouse.up();
    await expect.poll(() => rowLabels(page)).toEqual(['Kurzer Text', 'Datum', 'Zahl']);
    expect((await changesOf(page)).at(-1)).toBe('Field “Date” added');
    await page.context().close();
  });
});
