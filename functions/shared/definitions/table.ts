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
    // Work lists: workflows not yet started (`WORKFLOW#pending`), attention (`ATTENTION#kind`).
    {
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
    },
    // The inbox by form, newest first: `INBOX#<slug>` / `<receivedAt>#<submissionId>`.
    {
      indexName: 'gsi2',
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'S' },
    },
    // The inbox by form and status: `INBOX#<slug>#<status>` / `<receivedAt>#<submissionId>`.
    {
      indexName: 'gsi3',
      partitionKey: { name: 'gsi3pk', type: 'S' },
      sortKey: { name: 'gsi3sk', type: 'S' },
    },
    // Per person or actor: inbox entries by assignee (`ASSIGNEE#<sub>`), audit entries by actor.
    {
      indexName: 'gsi4',
      partitionKey: { name: 'gsi4pk', type: 'S' },
      sortKey: { name: 'gsi4sk', type: 'S' },
    },
  ],
  timeToLiveAttribute: 'expiresAt',
  stream: 'NEW_AND_OLD_IMAGES',
};

/** The physical table name the local runtime uses; on AWS CloudFormation names it. */
export const localTableName = (prefix = 'lotse'): string => `${prefix}-${mainTable.id}`;
