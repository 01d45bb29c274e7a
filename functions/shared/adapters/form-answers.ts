import { BatchGetCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { FormAnswers } from '../domain/form-impact.ts';
import { inboxKeys } from '../domain/inbox.ts';

const BATCH_GET_LIMIT = 100;
const BATCH_GET_ATTEMPTS = 8;

/**
 * The answers of a form's submissions for an impact check: the form's inbox entries on gsi2 give
 * the ids (never a scan), the submission items only the top-level answers asked for.
 */
export function dynamoFormAnswers(client: DynamoDBDocumentClient, tableName: string): FormAnswers {
  async function* ids(slug: string, cap: number): AsyncGenerator<string[]> {
    let startKey: Record<string, unknown> | undefined;
    let seen = 0;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': inboxKeys.byForm(slug) },
          ProjectionExpression: 'submissionId',
          Limit: Math.min(1000, cap - seen),
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      const found = (page.Items ?? []).map((item) => String(item.submissionId));
      seen += found.length;
      if (found.length) yield found;
      startKey = page.LastEvaluatedKey;
    } while (startKey && seen < cap);
  }

  async function answersOf(submissionIds: string[], fields: readonly string[]) {
    const names: Record<string, string> = { '#data': 'data' };
    fields.forEach((field, index) => {
      names[`#f${index}`] = field;
    });
    const projection = fields.map((_, index) => `#data.#f${index}`).join(', ');
    const found: Record<string, unknown>[] = [];
    for (let i = 0; i < submissionIds.length; i += BATCH_GET_LIMIT) {
      let keys: Record<string, unknown>[] = submissionIds
        .slice(i, i + BATCH_GET_LIMIT)
        .map((id) => ({ pk: `SUBMISSION#${id}`, sk: 'SUBMISSION' }));
      for (let attempt = 1; keys.length > 0; attempt++) {
        if (attempt > BATCH_GET_ATTEMPTS) throw new Error('DynamoDB kept answering with unprocessed keys');
        const { Responses, UnprocessedKeys } = await client.send(
          new BatchGetCommand({
            RequestItems: {
              [tableName]: {
                Keys: keys,
                ProjectionExpression: `pk, ${projection}`,
                ExpressionAttributeNames: names,
              },
            },
          }),
        );
        for (const item of Responses?.[tableName] ?? [])
          found.push((item.data ?? {}) as Record<string, unknown>);
        keys = (UnprocessedKeys?.[tableName]?.Keys ?? []) as Record<string, unknown>[];
      }
    }
    return found;
  }

  return {
    async *answers(slug, fields, cap) {
      for await (const page of ids(slug, cap)) {
        // With nothing to measure only the number of submissions counts.
        if (fields.length === 0) for (const _ of page) yield {};
        else yield* await answersOf(page, fields);
      }
    },
  };
}
