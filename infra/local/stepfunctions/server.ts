import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { LocalStepFunctions } from './engine.ts';
import { SfnApiError } from './errors.ts';

/**
 * Speaks the Step Functions API (AWS JSON 1.0, `X-Amz-Target: AWSStepFunctions.<Operation>`) for
 * the operations Lotse uses, so `@aws-sdk/client-sfn` works against it unchanged.
 */
export function startStepFunctionsServer(
  engine: LocalStepFunctions,
  host: string,
  port: number,
): Promise<Server> {
  const operations: Record<string, (input: never) => unknown> = {
    CreateStateMachine: (i) => engine.createStateMachine(i),
    DescribeStateMachine: (i: { stateMachineArn: string }) => engine.describeStateMachine(i.stateMachineArn),
    ListStateMachines: () => engine.listStateMachines(),
    StartExecution: (i) => engine.startExecution(i),
    DescribeExecution: (i: { executionArn: string }) => engine.describeExecution(i.executionArn),
    ListExecutions: (i) => engine.listExecutions(i),
    GetExecutionHistory: (i) => engine.getExecutionHistory(i),
    StopExecution: (i) => engine.stopExecution(i),
    SendTaskSuccess: (i) => engine.sendTaskSuccess(i),
    SendTaskFailure: (i) => engine.sendTaskFailure(i),
    SendTaskHeartbeat: (i) => engine.sendTaskHeartbeat(i),
  };
  const server = createServer(async (request, response) => {
    const reply = (status: number, body: unknown, errorType?: string) => {
      response.writeHead(status, {
        'content-type': 'application/x-amz-json-1.0',
        ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
      });
      response.end(JSON.stringify(toWire(body)));
    };
    try {
      const target = String(request.headers['x-amz-target'] ?? '');
      const operation = operations[target.replace(/^AWSStepFunctions\./, '')];
      if (!target.startsWith('AWSStepFunctions.') || !operation) {
        throw new SfnApiError(
          'UnknownOperationException',
          `The local engine does not implement ${target || 'this call'}`,
        );
      }
      const raw = await readAll(request);
      const input = raw.length > 0 ? JSON.parse(raw) : {};
      reply(200, await operation(input as never));
    } catch (error) {
      if (error instanceof SfnApiError)
        reply(error.status, { __type: error.type, message: error.message }, error.type);
      else if (error instanceof SyntaxError)
        reply(400, { __type: 'SerializationException', message: 'Malformed JSON' }, 'SerializationException');
      else reply(500, { __type: 'InternalFailure', message: String(error) }, 'InternalFailure');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

async function readAll(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** AWS JSON 1.0 sends timestamps as epoch seconds; Date.toJSON would make them ISO strings. */
function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toWire(inner)]));
}
