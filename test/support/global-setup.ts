import type { TestProject } from 'vitest/node';
import {
  ensureChromium,
  ensureJava,
  PrerequisiteError,
  thisSystem,
} from '../../infra/local/prerequisites.ts';
import { repositoryRoot } from '../../infra/local/runtime.ts';
import { buildWebIfStale } from '../../infra/local/web-build.ts';

/**
 * Before any test: Java when the run has local or browser tests (DynamoDB Local), Chromium when it
 * has browser tests, installed when possible or the run stops here with the command to run. Then
 * the web app is built once, since the local server serves web/dist as CloudFront serves the bucket.
 */
export default async function setup(project: TestProject) {
  const files = await testFiles(project);
  const system = thisSystem();
  try {
    if (files.some((file) => /[/\\]test[/\\](local|browser)[/\\]/.test(file))) await ensureJava(system);
    if (files.some((file) => /[/\\]test[/\\]browser[/\\]/.test(file))) await ensureChromium(system);
  } catch (error) {
    if (!(error instanceof PrerequisiteError)) throw error;
    console.error(`\nCannot run the tests: ${error.message}\n`);
    process.exit(1);
  }
  await buildWebIfStale(repositoryRoot);
}

/** The files this run will test: vitest has parsed the command line's filters before global setup. */
async function testFiles(project: TestProject): Promise<string[]> {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const { testFiles } = await project.globTestFiles(filters);
  return testFiles;
}
