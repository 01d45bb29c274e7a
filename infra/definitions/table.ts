/**
 * The single-table design, in one place. The CDK stateful stack and the local runtime's table
 * creation both read this, so the two cannot drift apart.
 */
export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N';
}

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
}

export interface TableDefinition {
  /** Suffix of the physical table name; the stage prefix is added by whoever creates it. */
  readonly id: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
  readonly globalSecondaryIndexes: readonly IndexDefinition[];
  /** Epoch seconds; items whose value has passed are removed by DynamoDB TTL. */
  readonly timeToLiveAttribute: string;
  readonly stream: 'NEW_AND_OLD_IMAGES';
}

export const mainTable: TableDefinition = {
  id: 'main',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    {
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
    },
  ],
  timeToLiveAttribute: 'expiresAt',
  stream: 'NEW_AND_OLD_IMAGES',
};

/** The physical table name the local runtime uses; on AWS CloudFormation names it. */
export const localTableName = (prefix = 'lotse'): string => `${prefix}-${mainTable.id}`;
