import { type Browser, chromium } from 'playwright-core';
import { chromiumMissing, findChromium, thisSystem } from '../../infra/local/prerequisites.ts';

/**
 * Debian's Chromium (or CHROMIUM_PATH), driven by playwright-core (no browser download); global
 * setup installs or asks for it first. Flags keep it off the network.
 */
export function launchChromium(): Promise<Browser> {
  const system = thisSystem();
  const executablePath = findChromium(system);
  if (!executablePath) throw chromiumMissing(system);
  return chromium.launch({
    executablePath,
    args: [...offlineChromiumFlags],
  });
}

/** Keep Chromium off the network and quiet: no updates, sync or background fetches, no GPU. */
export const offlineChromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;
