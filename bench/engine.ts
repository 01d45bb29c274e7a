import { StateMachine } from 'aws-local-stepfunctions';
import type { LocalRuntime } from '../infra/local/runtime.ts';
import { withTimeout } from './cleanup.ts';
import { heading, latencyHeader, latencyRow, printTable, since, summarize } from './stats.ts';

export interface EngineOptions {
  readonly runs: number;
  readonly warmup: number;
  readonly budgetMs: number;
  /** Runs of each library-only breakdown row. */
  readonly breakdownRuns: number;
}

/** Five Pass states in a row: no Lambda, no I/O except the engine's own execution store. */
const passMachine = JSON.stringify({
  Comment: 'bench: five Pass states',
  StartAt: 'One',
  States: {
    One: { Type: 'Pass', Result: { step: 1 }, ResultPath: '$.one', Next: 'Two' },
    Two: { Type: 'Pass', Result: { step: 2 }, ResultPath: '$.two', Next: 'Three' },
    Three: { Type: 'Pass', Result: { step: 3 }, ResultPath: '$.three', Next: 'Four' },
    Four: { Type: 'Pass', Result: { step: 4 }, ResultPath: '$.four', Next: 'Five' },
    Five: { Type: 'Pass', Result: { step: 5 }, ResultPath: '$.five', End: true },
  },
});

/**
 * Benchmark 4: the in-process Step Functions engine (runtime.engine), start → SUCCEEDED of a
 * 5-state Pass-only machine, one execution at a time.
 */
export async function benchEngine(runtime: LocalRuntime, options: EngineOptions): Promise<void> {
  heading('4. Step Functions engine: 5 Pass states, startExecution → SUCCEEDED (in process)');
  const { stateMachineArn } = runtime.engine.createStateMachine({
    name: 'lotse-bench-pass5',
    definition: passMachine,
  });
  let failures = 0;
  const once = async (name: string) => {
    const started = performance.now();
    const { executionArn } = runtime.engine.startExecution({
      stateMachineArn,
      name,
      input: JSON.stringify({ name }),
    });
    await withTimeout(runtime.engine.waitForExecution(executionArn), 10_000, `execution ${name}`);
    const elapsed = since(started);
    if (runtime.engine.describeExecution(executionArn).status !== 'SUCCEEDED') failures += 1;
    return elapsed;
  };
  for (let i = 0; i < options.warmup; i++) await once(`warmup-${i}`);
  const latencies: number[] = [];
  const deadline = performance.now() + options.budgetMs;
  for (let i = 0; i < options.runs && performance.now() < deadline; i++)
    latencies.push(await once(`run-${i}`));

  // Where the time goes: the engine builds a new aws-local-stepfunctions StateMachine for every
  // execution (engine.ts, launch()), with the same options; the library validates the ASL then.
  const definition = JSON.parse(passMachine) as never;
  const breakdown = (runs: number, once: () => Promise<void> | void) => async () => {
    const samples: number[] = [];
    const stop = performance.now() + 10_000;
    for (let i = 0; i < runs && performance.now() < stop; i++) {
      const started = performance.now();
      await once();
      samples.push(since(started));
    }
    return summarize(samples);
  };
  const validating = await breakdown(options.breakdownRuns, () => {
    new StateMachine(definition, { validationOptions: { checkArn: false, checkPaths: true } });
  })();
  const unvalidated = await breakdown(options.breakdownRuns, () => {
    new StateMachine(definition, { validationOptions: { noValidate: true } });
  })();
  const machine = new StateMachine(definition, { validationOptions: { noValidate: true } });
  const runOnly = await breakdown(options.breakdownRuns, async () => {
    await machine.run({} as never).result;
  })();

  printTable(latencyHeader, [
    latencyRow('5 × Pass, start → SUCCEEDED (engine)', summarize(latencies)),
    latencyRow('  library: new StateMachine, validating', validating),
    latencyRow('  library: new StateMachine, noValidate', unvalidated),
    latencyRow('  library: run() of a built machine', runOnly),
  ]);
  console.log(`  executions not SUCCEEDED: ${failures}`);
  console.log('  engine row: performance.now() around startExecution() + waitForExecution(); the engine');
  console.log('  also writes the execution record to its on-disk store on every history event.');
  console.log('  library rows: aws-local-stepfunctions alone, same definition; engine.launch() builds a');
  console.log('  validating StateMachine per execution, synchronously, on the shared event loop.');
}
