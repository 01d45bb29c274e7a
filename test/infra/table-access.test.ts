import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import * as esbuild from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type FunctionDefinition,
  type FunctionId,
  functionIds,
  functions,
  type TableAccess,
  type TableAction,
} from '#definitions/functions.ts';
import { esbuildOptions } from '../../infra/bundling/esbuild-options.ts';
import type { LotseApp } from '../../infra/lotse-app.ts';
import { buildTestApp, testContext } from './lotse-app-fixture.ts';

/**
 * Least privilege on the main table, proven from the code. The local runtime does not enforce IAM,
 * so no integration test would notice a missing or a superfluous grant: this test bundles each
 * function as its Lambda is bundled (infra/constructs/lotse-function.ts) and reads from esbuild's
 * metafile which DynamoDB command modules of the SDK made it into the output. What is left after
 * tree shaking is what the function's code can send. The granularity is the code that is bundled,
 * not the calls a handler makes: a store returns an object with all its methods, so a function
 * that uses one method of a store can send the commands of all of them.
 */

const root = join(import.meta.dirname, '../..');

/** IAM actions of each command of @aws-sdk/client-dynamodb (lib-dynamodb's commands wrap these). */
const commandActions: Readonly<Record<string, readonly TableAction[] | 'transact-write'>> = {
  GetItem: ['GetItem'],
  BatchGetItem: ['BatchGetItem'],
  TransactGetItems: ['GetItem'],
  Query: ['Query'],
  Scan: ['Scan'],
  PutItem: ['PutItem'],
  UpdateItem: ['UpdateItem'],
  DeleteItem: ['DeleteItem'],
  BatchWriteItem: ['BatchWriteItem'],
  DescribeTable: ['DescribeTable'],
  // Needs the action of each kind of part the bundled code puts into a transaction.
  TransactWriteItems: 'transact-write',
};

/**
 * Bundled by every DynamoDB client for endpoint discovery, which is off unless a client or
 * AWS_ENABLE_ENDPOINT_DISCOVERY turns it on; Lotse never does, so no function calls it.
 */
const neverSent = new Set(['DescribeEndpoints']);

const transactParts: Readonly<Record<string, TableAction>> = {
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  ConditionCheck: 'ConditionCheckItem',
};

/**
 * @aws-sdk/lib-dynamodb's package.json does not say it is free of side effects, so esbuild keeps
 * its paginators (`paginateScan = createPaginator(…)` at module level) and with them ScanCommand in
 * every bundle that imports the package, though nothing can reach it. They are pure, so this test
 * says so; otherwise every function would seem to Scan.
 */
const libDynamodbIsPure: esbuild.Plugin = {
  name: 'lib-dynamodb-is-pure',
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\/lib-dynamodb$/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'resolving',
      });
      return { path: resolved.path, sideEffects: false };
    });
  },
};

/** The table actions a function's bundle can use, and whether it names an index. */
async function tableAccessOfBundle(
  entry: string,
): Promise<{ actions: TableAction[]; queryIndexes: boolean }> {
  const result = await esbuild.build({
    // The bundling the deployed functions get (infra/bundling/esbuild-options.ts).
    ...esbuildOptions(root),
    entryPoints: [join(root, entry)],
    write: false,
    metafile: true,
    outdir: join(root, 'cdk.out/table-access'),
    logLevel: 'silent',
    // What lotse-function.ts copies next to the bundle; not code.
    loader: { '.ttf': 'empty', '.otf': 'empty', '.woff': 'empty', '.woff2': 'empty' },
    plugins: [libDynamodbIsPure],
  });
  const output = Object.values(result.metafile.outputs)[0];
  if (!output) throw new Error(`${entry}: esbuild wrote no output`);
  const bundled = Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  const commands = bundled
    .map((path) => path.match(/@aws-sdk\/client-dynamodb\/.*\/commands\/(\w+)Command\.js$/)?.[1])
    .filter((command): command is string => command !== undefined && !neverSent.has(command));
  // Our own modules that made it into the bundle: where transactions and index queries are built.
  const ownSources = bundled
    .filter((path) => path.startsWith('functions/'))
    .map((path) => readFileSync(join(root, path), 'utf8'));
  const actions = new Set<TableAction>();
  for (const command of commands) {
    const mapped = commandActions[command];
    if (mapped === undefined)
      throw new Error(
        `${entry} can send DynamoDB ${command}: say in commandActions which IAM actions it needs`,
      );
    if (mapped !== 'transact-write') for (const action of mapped) actions.add(action);
    else
      for (const [part, action] of Object.entries(transactParts)) {
        if (ownSources.some((source) => new RegExp(`\\b${part}: \\{`).test(source))) actions.add(action);
      }
  }
  const queryIndexes = actions.has('Query') && ownSources.some((source) => /\bIndexName:/.test(source));
  return { actions: [...actions].sort(), queryIndexes };
}

const declared = (id: FunctionId): TableAccess | undefined =>
  (functions[id].access as FunctionDefinition['access']).table;

describe('table access: what each function may do with the main table', () => {
  const ofBundle = new Map<FunctionId, Awaited<ReturnType<typeof tableAccessOfBundle>>>();

  beforeAll(async () => {
    const derived = await Promise.all(
      functionIds.map(async (id) => [id, await tableAccessOfBundle(functions[id].entry)] as const),
    );
    for (const [id, access] of derived) ofBundle.set(id, access);
  }, 300_000);

  it.each(functionIds)('%s: declares exactly the table actions its bundled code can send', (id) => {
    const fromCode = ofBundle.get(id);
    const table = declared(id);
    expect({
      actions: [...(table?.actions ?? [])].sort(),
      queryIndexes: table?.queryIndexes ?? false,
    }).toEqual(fromCode);
  });

  describe('the synthesized template', () => {
    let statementsOf: (id: FunctionId) => Statement[];

    beforeAll(() => {
      statementsOf = roleStatements(buildTestApp({ bundle: false, cloudFormationValidation: false }));
    }, 120_000);

    it.each(functionIds)('%s: its role holds exactly the declared table actions and nothing more', (id) => {
      const statements = statementsOf(id);
      const actionsOn = (target: TableResource) =>
        statements
          .filter((statement) => resourcesOf(statement).includes(target))
          .flatMap((statement) => [statement.Action].flat())
          .sort();
      const table = declared(id);
      expect(actionsOn('table')).toEqual((table?.actions ?? []).map((action) => `dynamodb:${action}`).sort());
      expect(actionsOn('index')).toEqual(table?.queryIndexes ? ['dynamodb:Query'] : []);
      // No DynamoDB action on any other resource (no dynamodb:*, no Scan on `*`) but the stream
      // reading a table-stream trigger brings (function-trigger.ts).
      const streamTriggered = (functions[id] as FunctionDefinition).trigger?.type === 'table-stream';
      const elsewhere = statements
        .filter((statement) =>
          resourcesOf(statement).some((target) => target !== 'table' && target !== 'index'),
        )
        .flatMap((statement) => [statement.Action].flat())
        .filter((action) => action.startsWith('dynamodb:'));
      expect([...new Set(elsewhere)].sort()).toEqual(
        streamTriggered
          ? [
              'dynamodb:DescribeStream',
              'dynamodb:GetRecords',
              'dynamodb:GetShardIterator',
              'dynamodb:ListStreams',
            ]
          : [],
      );
    });
  });
});

describe("table access with the organisation's own table key", () => {
  let lotse: LotseApp;
  let statementsOf: (id: FunctionId) => Statement[];

  beforeAll(() => {
    lotse = buildTestApp({
      bundle: false,
      cloudFormationValidation: false,
      context: { ...testContext, 'lotse:tableKey': 'customer-managed' },
    });
    statementsOf = roleStatements(lotse);
  }, 120_000);

  const kmsActionsOf = (id: FunctionId) =>
    [
      ...new Set(
        statementsOf(id)
          .flatMap((statement) => [statement.Action].flat())
          .filter((action) => action.startsWith('kms:')),
      ),
    ].sort();

  it('lets a function that only reads decrypt with the key, and no more', () => {
    expect(declared('health')?.actions).toEqual(['DescribeTable']);
    expect(kmsActionsOf('health')).toEqual(['kms:Decrypt', 'kms:DescribeKey']);
  });

  it('lets a function that writes encrypt with the key too', () => {
    expect(declared('system-check-create')?.actions).toContain('PutItem');
    expect(kmsActionsOf('system-check-create')).toEqual([
      'kms:Decrypt',
      'kms:DescribeKey',
      'kms:Encrypt',
      'kms:GenerateDataKey*',
      'kms:ReEncrypt*',
    ]);
  });

  it('gives no key to a function without table access', () => {
    expect(declared('openapi')).toBeUndefined();
    expect(kmsActionsOf('openapi')).toEqual([]);
  });

  it('passes the cdk-nag checks: the key wildcards of writers are acknowledged', () => {
    // Synthesis throws when a check reports an error that is not acknowledged.
    expect(() => lotse.app.synth()).not.toThrow();
  });
});

/** The IAM statements of each function's role in the stateless stack. */
function roleStatements(lotse: LotseApp): (id: FunctionId) => Statement[] {
  const resources = Object.values(
    Template.fromStack(lotse.stateless).toJSON().Resources as Record<string, Resource>,
  );
  return (id) => {
    const fn = resources.find(
      (resource) =>
        resource.Type === 'AWS::Lambda::Function' &&
        resource.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === id,
    );
    if (!fn) throw new Error(`no Lambda function for ${id}`);
    const role = fn.Properties.Role['Fn::GetAtt'][0];
    return resources
      .filter(
        (resource) =>
          resource.Type === 'AWS::IAM::Policy' &&
          resource.Properties.Roles.some((ref: { Ref: string }) => ref.Ref === role),
      )
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
  };
}

type TableResource = 'table' | 'index' | 'other';

/**
 * Where a statement applies: the table, its indexes, or anything else (its stream, `*`). The
 * stateless stack imports the table's ARN from the stateful stack's exports.
 */
function resourcesOf(statement: Statement): TableResource[] {
  return [statement.Resource].flat().map((resource) => {
    const text = JSON.stringify(resource);
    if (!/GetAttMainTable\w+Arn/.test(text) || /StreamArn/.test(text)) return 'other';
    return text.includes('/index/*') ? 'index' : 'table';
  });
}

// biome-ignore lint/suspicious/noExplicitAny: template JSON is untyped; the assertions are the type check.
type Resource = { Type: string; Properties: Record<string, any> };

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
}
