import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Browser, Response } from 'playwright-core';
import type { Sizes } from './web-size.ts';

const PAGE_TIMEOUT_MS = 60_000;

/**
 * Opens the page once, unthrottled, and fails with the page's own errors when its form does not
 * show (a broken page must not be measured as a fast one). Returns the JavaScript it loaded until
 * the form showed and the network was quiet, whatever served it (the build's chunks, and scripts the
 * API serves, such as a form's compiled validator), at gzip's default level and Brotli's best.
 */
export async function firstLoadJs(browser: Browser, url: string, formSelector: string): Promise<Sizes> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: 'de-DE' });
  const scripts: Response[] = [];
  const problems: string[] = [];
  try {
    const page = await context.newPage();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response);
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    page.on('pageerror', (error) => problems.push(error.message.slice(0, 300)));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text().slice(0, 300));
    });
    await page.goto(url, { waitUntil: 'networkidle', timeout: PAGE_TIMEOUT_MS });
    try {
      await page.locator(`${formSelector} input`).first().waitFor({ timeout: PAGE_TIMEOUT_MS });
    } catch {
      throw new Error(
        `${url}: no field in ${formSelector} within ${PAGE_TIMEOUT_MS / 1000} s; ${problems.join(' | ')}`,
      );
    }
    await page.waitForLoadState('networkidle');
    const bodies = await Promise.all(scripts.map((response) => response.body()));
    return bodies.reduce(
      (sum, body) => ({
        raw: sum.raw + body.byteLength,
        gzip: sum.gzip + gzipSync(body).byteLength,
        brotli: sum.brotli + brotliCompressSync(body).byteLength,
      }),
      { raw: 0, gzip: 0, brotli: 0 },
    );
  } finally {
    await context.close();
  }
}
