import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { type FunctionId, functions } from '../../../functions/shared/definitions/functions.ts';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

export interface LocalLambdaOptions {
  readonly rootDir: string;
  readonly region: string;
  readonly accountId: string;
  /** Physical name prefix, e.g. `lotse` gives `lotse-health`. */
  readonly prefix: string;
  /** Told of every finished invocation (`npm run cost` counts them); observation only. */
  readonly onInvoke?: (invocation: LambdaInvocation) => void;
}

/** What Lambda bills for one invocation: its duration and the memory it was configured with. */
export interface LambdaInvocation {
  readonly functionId: FunctionId;
  readonly memoryMb: number;
  readonly durationMs: number;
  readonly failed: boolean;
}

export class FunctionTimeoutError extends Error {
  override name = 'Sandbox.Timedout';
}

/**
 * Runs the same handler modules Lambda runs, in this process: imported once (a cold start), then
 * called with a Lambda-like context and the function's configured timeout.
 */
export class LocalLambda {
  private readonly loaded = new Map<FunctionId, Promise<Handler>>();

  constructor(private readonly options: LocalLambdaOptions) {}

  functionName(id: FunctionId): string {
    return `${this.options.prefix}-${id}`;
  }

  functionArn(id: FunctionId): string {
    return `arn:aws:lambda:${this.options.region}:${this.options.accountId}:function:${this.functionName(id)}`;
  }

  /** Accepts a function id, physical name or ARN, as the Lambda API does. */
  resolve(nameOrArn: string): FunctionId {
    const name = nameOrArn.startsWith('arn:') ? (nameOrArn.split(':')[6] ?? '') : nameOrArn;
    const id = name.startsWith(`${this.options.prefix}-`) ? name.slice(this.options.prefix.length + 1) : name;
    if (!(id in functions))
      throw Object.assign(new Error(`Function not found: ${nameOrArn}`), {
        name: 'Lambda.ResourceNotFoundException',
      });
    return id as FunctionId;
  }

  async invoke(nameOrArn: string, event: unknown): Promise<unknown> {
    const id = this.resolve(nameOrArn);
    const handler = await this.load(id);
    const definition = functions[id] as { timeoutSeconds?: number; memoryMb?: number };
    const timeoutMs = (definition.timeoutSeconds ?? 10) * 1000;
    const deadline = Date.now() + timeoutMs;
    const context = {
      functionName: this.functionName(id),
      functionVersion: '$LATEST',
      invokedFunctionArn: this.functionArn(id),
      memoryLimitInMB: String(definition.memoryMb ?? 256),
      awsRequestId: randomUUID(),
      logGroupName: `/aws/lambda/${this.functionName(id)}`,
      logStreamName: 'local',
      callbackWaitsForEmptyEventLoop: false,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => {},
      fail: () => {},
      succeed: () => {},
    } satisfies Context;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new FunctionTimeoutError(`Task timed out after ${timeoutMs / 1000} seconds`)),
        timeoutMs,
      );
    });
    const started = performance.now();
    let failed = false;
    try {
      return await Promise.race([handler(event, context), timeout]);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      clearTimeout(timer);
      this.options.onInvoke?.({
        functionId: id,
        memoryMb: definition.memoryMb ?? 256,
        durationMs: performance.now() - started,
        failed,
      });
    }
  }

  private load(id: FunctionId): Promise<Handler> {
    let handler = this.loaded.get(id);
    if (!handler) {
      const url = pathToFileURL(join(this.options.rootDir, functions[id].entry)).href;
      handler = import(url).then((module: { handler?: Handler }) => {
        if (typeof module.handler !== 'function')
          throw new Error(`${functions[id].entry} exports no handler`);
        return module.handler;
      });
      this.loaded.set(id, handler);
    }
    return handler;
  }
}
