import type { Bidi } from 'bidi-js';
import * as bidiModule from 'bidi-js';

/**
 * pdf-lib draws a string's glyphs left to right as fontkit lays them out. fontkit shapes Arabic
 * (joining forms) and reverses a run whose first strong character is right-to-left, but it knows
 * nothing of mixed lines: "رقم الشهادة: LOTSE-2026-…" would come out with the Latin part mirrored.
 * So each line is cut into runs of one embedding level (Unicode bidi algorithm, bidi-js), the runs
 * are put in visual order (rule L2 on whole runs), and each run is drawn on its own: a right-to-left
 * run with Arabic letters in logical order (fontkit reverses it), any other right-to-left run
 * (digits and punctuation only) already reversed and mirrored here.
 */
// bidi-js types an ES default export, but Node loads its CommonJS build, whose module.exports is
// the factory: the namespace's `default` is the factory in Node and in the ESM bundle alike, while
// TypeScript (CommonJS rules for this package) types it as the module.
const bidi = (bidiModule.default as unknown as () => Bidi)();
const arabicLetter = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

export interface VisualRun {
  /** The text to hand to pdf-lib: logical order for Arabic runs (fontkit reverses), else as drawn. */
  readonly text: string;
  readonly rtl: boolean;
}

/** `auto`: the line's own first strong character decides (names, titles, addresses). */
export function visualRuns(line: string, base: 'ltr' | 'rtl' | 'auto'): VisualRun[] {
  if (line.length === 0) return [];
  const embedding = bidi.getEmbeddingLevels(line, base);
  const mirrored = bidi.getMirroredCharactersMap(line, embedding.levels);
  // Indices are UTF-16 code units; no mirrored character is a surrogate, so this is safe.
  const text = Array.from({ length: line.length }, (_, i) => mirrored.get(i) ?? line[i]).join('');
  const runs = levelRuns(text, embedding.levels);
  return reorder(runs).map(({ text: runText, level }) => {
    const rtl = level % 2 === 1;
    if (!rtl || arabicLetter.test(runText)) return { text: runText, rtl };
    return { text: [...runText].reverse().join(''), rtl };
  });
}

interface LevelRun {
  readonly text: string;
  readonly level: number;
}

function levelRuns(text: string, levels: Uint8Array): LevelRun[] {
  const runs: LevelRun[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || levels[i] !== levels[start]) {
      runs.push({ text: text.slice(start, i), level: levels[start] ?? 0 });
      start = i;
    }
  }
  return runs;
}

/** UAX #9 rule L2 on runs: from the highest level down to the lowest odd one, reverse each stretch at or above it. */
function reorder(runs: LevelRun[]): LevelRun[] {
  const result = [...runs];
  const highest = Math.max(...result.map((r) => r.level));
  const lowestOdd = Math.min(...result.map((r) => (r.level % 2 === 1 ? r.level : r.level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    let i = 0;
    while (i < result.length) {
      if ((result[i]?.level ?? 0) < level) {
        i++;
        continue;
      }
      let end = i;
      while (end < result.length && (result[end]?.level ?? 0) >= level) end++;
      result.splice(i, end - i, ...result.slice(i, end).reverse());
      i = end;
    }
  }
  return result;
}
