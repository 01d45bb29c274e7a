/**
 * `npm run bench:web`: the public form page's figures next to JSON Forms' own vanilla renderers, on
 * the volunteer registration and the grant request, through a compressing server, in one run.
 * Options: --only=size,lighthouse,typing (default: all), --runs=N (Lighthouse, default 3),
 * --typing-runs=N (default 1: one pass answers every field, 60 to 100 samples of its own).
 * Everything runs on 127.0.0.1 and in temp dirs, and is stopped on exit, failure, Ctrl-C and after
 * the watchdog. How to read it: bench/README.md, section "web".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/support/browser.ts';
import { onCleanup, runCleanups, withTimeout } from './cleanup.ts';
import { startBenchRuntime } from './runtime.ts';
import { median } from './stats.ts';
import { firstLoadJs } from './web-first-load.ts';
import {
  type LighthouseFigures,
  launchChromeForLighthouse,
  medianFigures,
  runLighthouse,
} from './web-lighthouse.ts';
import { type PageUnderTest, printFigures, type Results } from './web-report.ts';
import { startCompressingServer } from './web-server.ts';
import {
  buildApp,
  entryKey,
  type Manifest,
  printAppSizes,
  type Sizes,
  totalOf,
  withStaticImports,
} from './web-size.ts';
import { measureTyping, type TypingFigures } from './web-typing.ts';
import { buildVanilla } from './web-vanilla.ts';

const FORMS = ['integrationslotsen-registrierung', 'foerderantrag-initiative'] as const;
const PARTS = ['size', 'lighthouse', 'typing'] as const;
type Part = (typeof PARTS)[number];

function parseArgs(argv: readonly string[]): { parts: Set<Part>; runs: number; typingRuns: number } {
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const parts = new Set((value('only') ?? PARTS.join(',')).split(',').filter(Boolean));
  const unknown = [...parts].filter((part) => !(PARTS as readonly string[]).includes(part));
  const runs = Number(value('runs') ?? 3);
  const typingRuns = Number(value('typing-runs') ?? 1);
  const bad = (n: number) => !Number.isInteger(n) || n < 1 || n > 20;
  if (unknown.length > 0 || bad(runs) || bad(typingRuns)) {
    console.error(`usage: bench/web.ts [--only=${PARTS.join(',')}] [--runs=1..20] [--typing-runs=1..20]`);
    process.exit(2);
  }
  return { parts: parts as Set<Part>, runs, typingRuns };
}

const { parts, runs, typingRuns } = parseArgs(process.argv.slice(2));
/**
 * Builds and start-up take a minute or two; on this shared two-core machine at load 15, one
 * Lighthouse run took up to a minute and typing through a page of 40 fields about a minute.
 */
const WATCHDOG_MS = 240_000 + (runs * 90_000 + typingRuns * 120_000) * FORMS.length * 2;

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
let finishing: Promise<void> | undefined;
async function finish(code: number, reason?: string): Promise<never> {
  if (reason) console.error(reason);
  finishing ??= runCleanups();
  await withTimeout(finishing, 30_000, 'cleaning up').catch((error: Error) => console.error(error.message));
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void finish(130, `\n${signal}: stopping the web bench and cleaning up`));
}
process.on('uncaughtException', (error) => void finish(1, `uncaught: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (error) => void finish(1, `unhandled rejection: ${String(error)}`));
setTimeout(
  () => void finish(1, `web bench exceeded ${WATCHDOG_MS / 1000} s; giving up`),
  WATCHDOG_MS,
).unref();

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onCleanup(`temp dir ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The form page's entry and its static imports: form.html's for ours, the vanilla app's entry. */
function firstLoadSizes(dir: string, manifest: Manifest, html?: string) {
  return totalOf(dir, manifest, withStaticImports(manifest, entryKey(manifest, html)));
}

/** Both servers answer, and compress JavaScript; says who compresses ours (the local server or the bench). */
async function checkCompression(pages: readonly PageUnderTest[], localServer: string, asset: string) {
  const direct = await fetch(`${localServer}${asset}`, { headers: { 'accept-encoding': 'br, gzip' } });
  await direct.arrayBuffer();
  const local = direct.headers.get('content-encoding');
  for (const page of pages) {
    const index = await (await fetch(`${page.url}/f/${FORMS[0]}`)).text();
    for (const script of index.matchAll(/src="(\/assets\/[^"]+\.js)"/g)) {
      const answer = await fetch(`${page.url}${script[1]}`, { headers: { 'accept-encoding': 'br, gzip' } });
      await answer.arrayBuffer();
      if (answer.headers.get('content-encoding') !== 'br')
        throw new Error(`${page.name}: ${script[1]} not compressed`);
    }
  }
  console.log(
    local
      ? `The local server compresses itself (${local}); the bench's proxy passes its answers through.`
      : "The local server does not compress yet: the bench's proxy in front of it compresses (Brotli/gzip, as CloudFront).",
  );
}

async function main() {
  console.log(
    `Lotse web bench — node ${process.version}, ${cpus().length} CPU(s), load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; runs ${runs}; parts ${[...parts].join(', ')}`,
  );
  const appDir = tempDir('lotse-web-app-');
  const vanillaDir = tempDir('lotse-web-vanilla-');
  const appBuild = await buildApp(appDir);
  const vanillaManifest = await buildVanilla(vanillaDir);
  const results: Results = {
    lighthouse: new Map(),
    typing: new Map(),
    sizes: new Map(),
    firstLoad: new Map(),
  };
  results.sizes.set('Lotse', firstLoadSizes(appDir, appBuild.form, 'form.html'));
  results.sizes.set('vanilla', firstLoadSizes(vanillaDir, vanillaManifest));
  if (parts.has('size')) printAppSizes(appDir, appBuild);

  if (parts.has('lighthouse') || parts.has('typing')) {
    const { runtime } = await startBenchRuntime({ webRoot: appDir });
    const ours = await startCompressingServer({ upstream: runtime.urls.web });
    onCleanup('compressing server (Lotse)', () => ours.stop());
    const vanilla = await startCompressingServer({ upstream: runtime.urls.web, root: vanillaDir });
    onCleanup('compressing server (vanilla)', () => vanilla.stop());
    const pages: PageUnderTest[] = [
      { name: 'Lotse', url: ours.url, formSelector: 'form.public-form-fields' },
      { name: 'vanilla', url: vanilla.url, formSelector: 'form.public-form-fields' },
    ];
    const anAsset = `/${appBuild.form[entryKey(appBuild.form, 'form.html')]?.file}`;
    await checkCompression(pages, runtime.urls.web, anAsset);
    results.firstLoad = await firstLoadAll(pages);
    if (parts.has('lighthouse')) results.lighthouse = await lighthouseAll(pages);
    if (parts.has('typing')) results.typing = await typingAll(pages);
  }
  printFigures(FORMS, results, { runs, typingRuns, loadNow: loadavg()[0] ?? 0 });
}

const key = (form: string, page: string) => `${form} ${page}`;

async function lighthouseAll(pages: readonly PageUnderTest[]): Promise<Map<string, LighthouseFigures>> {
  const chrome = await launchChromeForLighthouse();
  onCleanup('Chromium for Lighthouse', () => chrome.kill());
  const all = new Map<string, LighthouseFigures[]>();
  // Interleaved, so a burst of load elsewhere on the machine hits both pages alike.
  for (let run = 1; run <= runs; run++) {
    for (const form of FORMS) {
      for (const page of pages) {
        const figures = await runLighthouse(chrome, `${page.url}/f/${form}`);
        all.set(key(form, page.name), [...(all.get(key(form, page.name)) ?? []), figures]);
        console.log(
          `  lighthouse ${run}/${runs} ${form} ${page.name}: perf ${figures.performance}, TBT ${figures.tbtMs.toFixed(0)} ms, a11y ${figures.accessibility}`,
        );
      }
    }
  }
  return new Map([...all].map(([k, list]) => [k, medianFigures(list)]));
}

/** Each page shows each form (or the bench stops with the page's errors); what JS it took to get there. */
async function firstLoadAll(pages: readonly PageUnderTest[]): Promise<Map<string, Sizes>> {
  const browser = await launchChromium();
  const close = onCleanup('Chromium for the first load', () => browser.close());
  const sizes = new Map<string, Sizes>();
  for (const form of FORMS) {
    for (const page of pages) {
      sizes.set(key(form, page.name), await firstLoadJs(browser, `${page.url}/f/${form}`, page.formSelector));
    }
  }
  await close();
  return sizes;
}

async function typingAll(pages: readonly PageUnderTest[]): Promise<Map<string, TypingFigures>> {
  const browser = await launchChromium();
  onCleanup('Chromium for typing', () => browser.close());
  const all = new Map<string, TypingFigures[]>();
  for (let run = 1; run <= typingRuns; run++) {
    for (const form of FORMS) {
      for (const page of pages) {
        const figures = await measureTyping(browser, `${page.url}/f/${form}`, page.formSelector);
        all.set(key(form, page.name), [...(all.get(key(form, page.name)) ?? []), figures]);
        console.log(
          `  typing ${run}/${typingRuns} ${form} ${page.name}: ${figures.fields} fields, longest ${figures.longestMs.toFixed(0)} ms, ${figures.over50} over 50 ms`,
        );
      }
    }
  }
  return new Map(
    [...all].map(([k, list]) => {
      const of = (pick: (figures: TypingFigures) => number) => median(list.map(pick));
      return [
        k,
        {
          fields: of((f) => f.fields),
          longestMs: of((f) => f.longestMs),
          over50: of((f) => f.over50),
          loadLongestMs: of((f) => f.loadLongestMs),
        },
      ];
    }),
  );
}

main().then(
  () => finish(0),
  (error: unknown) =>
    finish(1, `web bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
);
