import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredSettings } from '../domain/settings.ts';

const SETTINGS_KEY = { pk: 'SETTINGS', sk: 'ORGANISATION' };
const LOGO_KEY = { pk: 'SETTINGS', sk: 'LOGO' };

export interface StoredLogo {
  readonly hash: string;
  readonly contentType: string;
  readonly data: Uint8Array;
}

export interface SettingsStore {
  /** The saved settings, or undefined before the first save. One GetItem: cheap enough per mail. */
  get(): Promise<StoredSettings | undefined>;
  getLogo(): Promise<StoredLogo | undefined>;
  /**
   * Saves when the stored version is still `expectedVersion`; false when someone saved in between.
   * The logo is a separate item so the settings stay small for the per-mail read.
   */
  save(settings: StoredSettings, expectedVersion: number, logo?: StoredLogo): Promise<boolean>;
}

/** What pages and mails read; its own factory so that their bundles cannot write the settings. */
export type SettingsReader = Pick<SettingsStore, 'get' | 'getLogo'>;

export function dynamoSettingsReader(client: DynamoDBDocumentClient, tableName: string): SettingsReader {
  return {
    async get() {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: SETTINGS_KEY }));
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, type: _type, ...settings } = Item;
      return settings as StoredSettings;
    },
    async getLogo() {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: LOGO_KEY }));
      return Item ? { hash: Item.hash, contentType: Item.contentType, data: Item.data } : undefined;
    },
  };
}

export function dynamoSettingsStore(client: DynamoDBDocumentClient, tableName: string): SettingsStore {
  return {
    ...dynamoSettingsReader(client, tableName),
    async save(settings, expectedVersion, logo) {
      const condition =
        expectedVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': expectedVersion },
            };
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: { ...SETTINGS_KEY, type: 'OrganisationSettings', ...settings },
                  ...condition,
                },
              },
              ...(logo
                ? [
                    {
                      Put: { TableName: tableName, Item: { ...LOGO_KEY, type: 'OrganisationLogo', ...logo } },
                    },
                  ]
                : []),
            ],
          }),
        );
        return true;
      } catch (error) {
        const stale =
          error instanceof TransactionCanceledException &&
          error.CancellationReasons?.some((reason) => reason.Code === 'ConditionalCheckFailed');
        if (stale) return false;
        throw error;
      }
    },
  };
}
