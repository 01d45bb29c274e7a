import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../functions/shared/contracts/form-definition.ts';
import { foldDefaultTexts } from '../../functions/shared/domain/form-fold.ts';
import { runFormsCli } from '../../infra/cli/forms.ts';
import { fixtureForm } from '../support/fixture-form.ts';
import { startTestRuntime } from '../support/runtime.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let dir: string;

beforeAll(async () => {
  env = await startTestRuntime();
  env.runtime.auth.createUser('scripter', 'a long local password', ['admin']);
  env.runtime.auth.createUser('reader', 'another long password', ['viewer']);
  dir = mkdtempSync(join(tmpdir(), 'lotse-cli-'));
});

afterAll(async () => {
  await env?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const cli = async (args: string[], password: string) => {
  const lines: string[] = [];
  const code = await runFormsCli(
    [...args, '--api', env.runtime.urls.api, '--client-id', env.runtime.auth.clientId],
    { ...process.env, LOTSE_PASSWORD: password },
    (line) => lines.push(line),
  );
  return { code, output: lines.join('\n') };
};

describe('forms command line', () => {
  it('publishes a form file as a new version through the admin API', async () => {
    const file = join(dir, 'cli-form.json');
    writeFileSync(file, JSON.stringify(fixtureForm('cli-form')));
    const first = await cli(['publish', file, '--user', 'scripter'], 'a long local password');
    expect(first).toEqual({ code: 0, output: 'cli-form: version 1 published' });
    const second = await cli(['publish', file, '--user', 'scripter'], 'a long local password');
    expect(second.output).toBe('cli-form: version 2 published');
    const served = (await (await fetch(`${env.runtime.urls.api}/forms/cli-form`)).json()) as {
      version: number;
    };
    expect(served.version).toBe(2);
  });

  it('reports each problem of an invalid file and exits non-zero', async () => {
    const file = join(dir, 'bad-form.json');
    writeFileSync(file, JSON.stringify({ ...fixtureForm('bad-form'), retentionDays: 0 }));
    const result = await cli(['publish', file, '--user', 'scripter'], 'a long local password');
    expect(result.code).toBe(1);
    expect(result.output).toContain('retentionDays');
    const offline = await runFormsCli(['validate', file], process.env, () => {});
    expect(offline).toBe(1);
  });

  it('refuses a wrong password and a user who is not an admin', async () => {
    const file = join(dir, 'cli-form.json');
    expect((await cli(['publish', file, '--user', 'scripter'], 'wrong')).output).toContain('Sign-in failed');
    const viewer = await cli(['publish', file, '--user', 'reader'], 'another long password');
    expect(viewer.code).toBe(1);
    expect(viewer.output).toContain('403');
  });

  it('exports a version as the two JSON Forms files and imports them as a new draft', async () => {
    const file = join(dir, 'cli-export.json');
    writeFileSync(file, JSON.stringify(fixtureForm('cli-export')));
    expect((await cli(['publish', file, '--user', 'scripter'], 'a long local password')).code).toBe(0);
    const out = join(dir, 'exported');
    const exported = await cli(
      ['export', 'cli-export', '--format', 'jsonforms', '--out', out, '--user', 'scripter'],
      'a long local password',
    );
    expect(exported.code, exported.output).toBe(0);
    const schema = JSON.parse(readFileSync(join(out, 'cli-export.schema.json'), 'utf8'));
    const uischema = JSON.parse(readFileSync(join(out, 'cli-export.uischema.json'), 'utf8'));
    // The fixture keeps its German labels in translations.de (as forms did before the documents
    // carried the default language): the export folds them in, so any JSON Forms host shows them.
    const folded = foldDefaultTexts(fixtureForm('cli-export') as unknown as FormDefinition);
    expect({ schema, uischema }).toEqual({
      schema: folded.schema,
      uischema: folded.uischema,
    });

    const imported = await cli(
      [
        'import',
        join(out, 'cli-export.schema.json'),
        join(out, 'cli-export.uischema.json'),
        '--locale',
        'de',
        '--slug',
        'cli-imported',
        '--title',
        'Importiert',
        '--user',
        'scripter',
      ],
      'a long local password',
    );
    expect(imported.code, imported.output).toBe(0);
    expect(imported.output.split('\n')[0]).toBe('cli-imported: imported as a draft (revision 1)');
    const again = await cli(
      [
        'import',
        join(out, 'cli-export.schema.json'),
        '--locale',
        'de',
        '--slug',
        'cli-imported',
        '--user',
        'scripter',
      ],
      'a long local password',
    );
    expect(again.code).toBe(1);
    expect(again.output).toContain('cli-imported: not imported (409)');
    const missing = await cli(
      ['export', 'no-such-form', '--format', 'jsonforms', '--out', out, '--user', 'scripter'],
      'a long local password',
    );
    expect(missing).toEqual({ code: 1, output: 'no-such-form: not found (404)' });
  });

  it('says what is missing from import and export before asking for a password', async () => {
    const usage = async (args: string[]) => {
      const lines: string[] = [];
      const code = await runFormsCli(args, { ...process.env, LOTSE_PASSWORD: '' }, (line) =>
        lines.push(line),
      );
      return { code, output: lines.join('\n') };
    };
    expect(await usage(['import', 'schema.json'])).toEqual({
      code: 2,
      output: 'import needs --locale, the language the two files are written in.',
    });
    expect(await usage(['export', 'x', '--format', 'jsonforms'])).toEqual({
      code: 2,
      output: 'export needs --out DIR.',
    });
    expect(
      (await usage(['export', 'x', '--format', 'jsonforms', '--out', dir, '--version', 'two'])).output,
    ).toContain('--version');
  });
});
