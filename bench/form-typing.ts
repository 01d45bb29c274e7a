/**
 * `npx tsx bench/form-typing.ts [slug…]`: long tasks on the public form page, as a phone sees them.
 * Starts the local runtime (built web app, real API), opens each form in Chromium with a phone's
 * viewport and 4× CPU slowdown (Lighthouse's mobile profile), and records long tasks (> 50 ms)
 * while loading and while typing into every text field. p-webbench's `npm run bench:web` runs the
 * full Lighthouse comparison; this is the quick look used while working on the page.
 */
import { launchChromium } from '../test/support/browser.ts';
import { startTestRuntime } from '../test/support/runtime.ts';

const slugs =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : ['integrationslotsen-registrierung', 'foerderantrag-initiative'];
const env = await startTestRuntime();
const browser = await launchChromium();
try {
  for (const slug of slugs) {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      const tasks: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask', buffered: true });
    });
    const started = Date.now();
    await page.goto(`${env.runtime.urls.web}/f/${slug}?lang=de`);
    await page.locator('form input').first().waitFor();
    const shown = Date.now() - started;
    const take = () =>
      page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
    const loading = await take();
    const fields = page.locator(
      'form :is(input[type=text], input[type=email], input[type=tel], input:not([type]), textarea):not([tabindex="-1"])',
    );
    const count = await fields.count();
    for (let index = 0; index < count; index += 1) {
      const field = fields.nth(index);
      if (!(await field.isVisible())) continue;
      await field.focus();
      await field.pressSequentially('Beispiel 12', { delay: 30 });
    }
    const typing = await take();
    console.log(
      `${slug}: form shown after ${shown} ms; long tasks loading [${loading.join(', ')}] ms; ` +
        `typing into ${count} fields: ${typing.length} long tasks, longest ${Math.max(0, ...typing)} ms`,
    );
    if (errors.length > 0) console.log(`  page errors: ${errors.slice(0, 5).join(' | ')}`);
    await context.close();
  }
} finally {
  await browser.close();
  await env.stop();
}
