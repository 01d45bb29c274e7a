import { spawn } from 'node:child_process';

/**
 * Runs the pinned CDK CLI with the terminal attached: its per-event lines are the progress display
 * while CloudFormation works. Resolves with its exit code.
 */
export function runCdk(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('npx', args, { cwd, env, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', (error) => {
      console.error(`✖ Could not start the CDK (npx cdk): ${error.message}. Run npm ci first.`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 130 : 1)));
  });
}
