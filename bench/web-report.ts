import type { LighthouseFigures } from './web-lighthouse.ts';
import type { Sizes } from './web-size.ts';
import type { TypingFigures } from './web-typing.ts';

export interface PageUnderTest {
  readonly name: 'Lotse' | 'vanilla';
  readonly url: string;
  /** The <form> that holds the form's fields on that page. */
  readonly formSelector: string;
}

export interface Results {
  /** Per page (the bundle does not depend on the form). */
  sizes: Map<string, Sizes>;
  /** Per `<form slug> <page>`: medians over the runs. */
  lighthouse: Map<string, LighthouseFigures>;
  typing: Map<string, TypingFigures>;
  /** Per `<form slug> <page>`: the JavaScript the browser loaded until the form showed. */
  firstLoad: Map<string, Sizes>;
}

interface Row {
  readonly figure: string;
  readonly target: string;
  readonly value: (form: string, page: string, results: Results) => number | undefined;
  readonly meets?: (value: number) => boolean;
  readonly digits?: number;
}

const lh = (pick: (f: LighthouseFigures) => number) => (form: string, page: string, r: Results) => {
  const figures = r.lighthouse.get(`${form} ${page}`);
  return figures && pick(figures);
};
const typed = (pick: (f: TypingFigures) => number) => (form: string, page: string, r: Results) => {
  const figures = r.typing.get(`${form} ${page}`);
  return figures && pick(figures);
};
const size = (pick: (s: Sizes) => number) => (_: string, page: string, r: Results) => {
  const sizes = r.sizes.get(page);
  return sizes && pick(sizes) / 1000;
};

/** The targets (issue 12 §3) next to what has none, as context. */
const ROWS: readonly Row[] = [
  {
    figure: 'first-load JS gzip kB',
    target: '≤ 100',
    value: size((s) => s.gzip),
    meets: (v) => v <= 100,
    digits: 1,
  },
  { figure: 'first-load JS brotli kB', target: '', value: size((s) => s.brotli), digits: 1 },
  { figure: 'JS transferred kB (LH)', target: '', value: lh((f) => f.scriptKb), digits: 1 },
  { figure: 'LH performance', target: '≥ 95', value: lh((f) => f.performance), meets: (v) => v >= 95 },
  { figure: 'LH total blocking ms', target: '< 200', value: lh((f) => f.tbtMs), meets: (v) => v < 200 },
  { figure: 'LH LCP ms', target: '', value: lh((f) => f.lcpMs) },
  { figure: 'LH FCP ms', target: '', value: lh((f) => f.fcpMs) },
  { figure: 'LH accessibility', target: '= 100', value: lh((f) => f.accessibility), meets: (v) => v >= 100 },
  {
    figure: 'typing: longest task ms',
    target: '≤ 50',
    value: typed((f) => f.longestMs),
    meets: (v) => v <= 50,
  },
  { figure: 'typing: tasks > 50 ms', target: '', value: typed((f) => f.over50) },
  { figure: 'typing: fields answered', target: '', value: typed((f) => f.fields) },
  { figure: 'load: longest task ms', target: '', value: typed((f) => f.loadLongestMs) },
  { figure: 'LH benchmarkIndex', target: '', value: lh((f) => f.benchmarkIndex) },
];

const PAGES = ['Lotse', 'vanilla'] as const;
const CELL = 11;

function cell(row: Row, value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–'.padStart(CELL);
  const mark = row.meets ? (row.meets(value) ? ' ✓' : ' ✗') : '  ';
  return `${value.toFixed(row.digits ?? 0)}${mark}`.padStart(CELL);
}

/** One compact table: a row per figure, a column per form and page, the target and ✓/✗ beside each. */
export function printFigures(
  forms: readonly string[],
  results: Results,
  context: { readonly runs: number; readonly typingRuns: number; readonly loadNow: number },
): void {
  const short = (form: string) => form.split('-')[0]?.slice(0, CELL * 2) ?? form;
  console.log(
    `\nForm page /f/{slug} vs JSON Forms vanilla renderers: Lighthouse mobile (simulated throttling), median of n=${context.runs};` +
      ` typing at 4× CPU slowdown, median of n=${context.typingRuns}`,
  );
  console.log(
    `${''.padEnd(26)}${''.padEnd(7)}${forms
      .map((form) =>
        short(form)
          .padStart(CELL)
          .padEnd(CELL * 2),
      )
      .join('')}`,
  );
  console.log(
    `${'figure'.padEnd(26)}${'target'.padEnd(7)}${forms.map(() => PAGES.map((page) => page.padStart(CELL)).join('')).join('')}`,
  );
  for (const row of ROWS) {
    const cells = forms.flatMap((form) => PAGES.map((page) => cell(row, row.value(form, page, results))));
    if (cells.every((text) => text.trim() === '–')) continue;
    console.log(`${row.figure.padEnd(26)}${row.target.padEnd(7)}${cells.join('')}`);
  }
  console.log(`load average now ${context.loadNow.toFixed(2)} (see the header for the start)`);
}
