import type { ImportOutcome } from './csv.ts';
import type { DraftDefinition, FormText } from './form-text.ts';
import { cellValue, defaultLocaleOf, setCell } from './grid.ts';

/*
 * XLIFF 1.2, one file per target language, for translation tools (the source is the default
 * language). Each text is a trans-unit whose id is its i18n key; `note` says where it appears.
 * Reading takes the target of each unit and ignores inline markup; no DOM needed, so it runs in
 * tests too.
 */

const encodeXml = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const decodeXml = (value: string) =>
  value
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, data: string) =>
      data.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`),
    )
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|lt|gt|quot|apos|amp);/gi, (_, entity: string) => {
      const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
      if (entity[0] !== '#') return named[entity.toLowerCase()] ?? '';
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? Number.parseInt(entity.slice(2), 16)
          : Number(entity.slice(1));
      return String.fromCodePoint(code);
    });

export function toXliff(definition: DraftDefinition, texts: readonly FormText[], target: string): string {
  const source = defaultLocaleOf(definition);
  const units = texts.map((text) => {
    const translated = cellValue(definition, text, target);
    const targetElement =
      translated === undefined
        ? `<target state="needs-translation"></target>`
        : `<target state="translated">${encodeXml(translated)}</target>`;
    return [
      `      <trans-unit id="${encodeXml(text.key)}" resname="${encodeXml(text.key)}">`,
      `        <source>${encodeXml(cellValue(definition, text, source) ?? text.text)}</source>`,
      `        ${targetElement}`,
      `        <note>${encodeXml(text.where)}</note>`,
      '      </trans-unit>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    `  <file original="${encodeXml(definition.slug ?? 'form')}" source-language="${source}" target-language="${target}" datatype="plaintext">`,
    '    <body>',
    ...units,
    '    </body>',
    '  </file>',
    '</xliff>',
    '',
  ].join('\n');
}

const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return match ? decodeXml(match[2] ?? match[3] ?? '') : undefined;
};

/** Reads an XLIFF 1.2 file: the target language from `<file>`, every non-empty target by key. */
export function parseXliff(xml: string): { target?: string; units: Map<string, string> } {
  const fileTag = /<file\b[^>]*>/.exec(xml)?.[0] ?? '';
  const units = new Map<string, string>();
  for (const match of xml.matchAll(/<trans-unit\b([^>]*)>([\s\S]*?)<\/trans-unit>/g)) {
    const id = attribute(match[1] ?? '', 'resname') ?? attribute(match[1] ?? '', 'id');
    const target = /<target\b[^>]*>([\s\S]*?)<\/target>/.exec(match[2] ?? '')?.[1];
    if (id !== undefined && target !== undefined) {
      const value = decodeXml(target).trim();
      if (value) units.set(id, value);
    }
  }
  return { target: attribute(fileTag, 'target-language'), units };
}

export function importXliff(
  definition: DraftDefinition,
  texts: readonly FormText[],
  xml: string,
): ImportOutcome {
  const { target, units } = parseXliff(xml);
  const offered = (definition.locales ?? []).filter((locale) => locale !== defaultLocaleOf(definition));
  if (!target || !offered.includes(target))
    return { definition, changed: 0, unknownKeys: [], ignoredLocales: target ? [target] : [''] };
  const byKey = new Map(texts.map((text) => [text.key, text]));
  let next = definition;
  let changed = 0;
  const unknownKeys: string[] = [];
  for (const [key, value] of units) {
    const text = byKey.get(key);
    if (!text) unknownKeys.push(key);
    else if (value !== cellValue(next, text, target)) {
      next = setCell(next, text, target, value);
      changed++;
    }
  }
  return { definition: next, changed, unknownKeys, ignoredLocales: [] };
}
