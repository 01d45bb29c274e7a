import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { mainTable, type TableDefinition } from '../../../functions/shared/definitions/table.ts';

/** The CreateTable call for a table definition: the same design CDK deploys. */
export function createTableInput(
  tableName: string,
  table: TableDefinition = mainTable,
): CreateTableCommandInput {
  const attributes = new Map<string, 'S' | 'N'>();
  const add = (key: { name: string; type: 'S' | 'N' }) => attributes.set(key.name, key.type);
  add(table.partitionKey);
  add(table.sortKey);
  for (const index of table.globalSecondaryIndexes) {
    add(index.partitionKey);
    add(index.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType,
    })),
    KeySchema: [
      { AttributeName: table.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: table.sortKey.name, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream },
  };
}

/** Creates the table if it is missing (an on-disk database keeps it across restarts). */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  table: TableDefinition = mainTable,
) {
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName, table)));
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { Enabled: true, AttributeName: table.timeToLiveAttribute },
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  return addMissingIndexes(client, tableName, table);
}

/**
 * A data folder from an older version has the table without the indexes added since: add them,
 * one at a time as DynamoDB requires, and wait until each is active.
 */
async function addMissingIndexes(client: DynamoDBClient, tableName: string, table: TableDefinition) {
  const describe = async () => (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  let current = await describe();
  const input = createTableInput(tableName, table);
  for (const index of input.GlobalSecondaryIndexes ?? []) {
    if (current?.GlobalSecondaryIndexes?.some((existing) => existing.IndexName === index.IndexName)) continue;
    const names = new Set(index.KeySchema?.map((key) => key.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: input.AttributeDefinitions?.filter((a) => names.has(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    for (let i = 0; i < 600; i += 1) {
      current = await describe();
      const state = current?.GlobalSecondaryIndexes?.find((e) => e.IndexName === index.IndexName);
      if (state?.IndexStatus === 'ACTIVE') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return current;
}
