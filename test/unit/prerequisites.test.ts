import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  chromiumInstallCommand,
  ensureChromium,
  javaInstallCommand,
  PrerequisiteError,
  type System,
} from '../../infra/local/prerequisites.ts';

const root = mkdtempSync(join(tmpdir(), 'lotse-prereq-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const system = (overrides: Partial<System>, written: string[] = []): System => ({
  platform: 'linux',
  distro: ['debian'],
  isRoot: false,
  env: { PATH: '' },
  mayInstall: true,
  out: { write: (text: string) => written.push(text) },
  ...overrides,
});

/** An apt-get that records its arguments and, on install, creates the program at `creates`. */
function fakeAptGet(name: string, creates: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'apt-get'),
    `#!/bin/sh\necho "$@" >> "${dir}/apt-get.log"\n[ "$1" = install ] && printf '#!/bin/sh\\n' > "${creates}" && chmod +x "${creates}"\nexit 0\n`,
  );
  chmodSync(join(dir, 'apt-get'), 0o755);
  return dir;
}

describe('the command each system is told to run', () => {
  it.each([
    [
      { distro: ['debian'] },
      'sudo apt-get install -y openjdk-17-jre-headless',
      'sudo apt-get install -y chromium',
    ],
    [
      { distro: ['debian'], isRoot: true },
      'apt-get install -y openjdk-17-jre-headless',
      'apt-get install -y chromium',
    ],
    [
      { distro: ['ubuntu', 'debian'] },
      'sudo apt-get install -y openjdk-17-jre-headless',
      'sudo snap install chromium',
    ],
    [{ distro: ['fedora'] }, 'sudo dnf install -y java-17-openjdk-headless', 'sudo dnf install -y chromium'],
    [{ platform: 'darwin' as const, distro: [] }, 'brew install openjdk@17', 'brew install --cask chromium'],
    [
      { platform: 'win32' as const, distro: [] },
      'winget install Microsoft.OpenJDK.17',
      'winget install Google.Chrome',
    ],
  ])('%o', (overrides, java, chromium) => {
    expect(javaInstallCommand(system(overrides))).toBe(java);
    expect(chromiumInstallCommand(system(overrides))).toBe(chromium);
  });
});

describe('Chromium for the browser tests', () => {
  it('on Debian as root with apt-get: installs the chromium package, saying so, and uses it', async () => {
    const chromium = join(root, 'debian-chromium');
    const dir = fakeAptGet('apt-debian', chromium);
    const written: string[] = [];
    const found = await ensureChromium(
      system({ isRoot: true, env: { PATH: dir }, chromiumPaths: [chromium] }, written),
    );
    expect(found).toBe(chromium);
    expect(written[0]).toContain('[lotse] Installing chromium from the system');
    expect(readFileSync(join(dir, 'apt-get.log'), 'utf8')).toContain(
      'install -y -q --no-install-recommends chromium',
    );
  });

  it('on Ubuntu, even as root with apt-get, says the apt package is the snap and names the command', async () => {
    const chromium = join(root, 'ubuntu-chromium');
    const dir = fakeAptGet('apt-ubuntu', chromium);
    const error = await ensureChromium(
      system({ distro: ['ubuntu', 'debian'], isRoot: true, env: { PATH: dir }, chromiumPaths: [chromium] }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrerequisiteError);
    expect((error as Error).message).toContain('\n  sudo snap install chromium\n');
    expect((error as Error).message).toContain('only installs the snap');
  });

  it('a CHROMIUM_PATH that does not exist is named, not replaced by another browser', async () => {
    const error = await ensureChromium(
      system({ env: { PATH: '', CHROMIUM_PATH: '/nowhere/chromium' }, chromiumPaths: ['/usr/bin/env'] }),
    ).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'CHROMIUM_PATH is /nowhere/chromium, which is not an executable program.',
    );
  });

  it('not as root on Debian: the sudo command, and apt-get is left alone', async () => {
    const chromium = join(root, 'user-chromium');
    const dir = fakeAptGet('apt-user', chromium);
    const error = await ensureChromium(system({ env: { PATH: dir }, chromiumPaths: [chromium] })).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toContain('\n  sudo apt-get install -y chromium\n');
    expect((error as Error).message).toContain('not running as root');
  });
});
