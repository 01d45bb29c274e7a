import { createHash } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ActionToken, Approval, Decision, LateDecision } from '../domain/approvals.ts';
import { conditionally } from './dynamo.ts';
import { dynamoTimelineReader, dynamoTimelineStore } from './timeline-store.ts';

const approvalKey = (submissionId: string) => ({ pk: `SUBMISSION#${submissionId}`, sk: 'APPROVAL' });
const tokenKey = (tokenHash: string) => ({ pk: `ACTION#${tokenHash}`, sk: 'ACTION' });
/** One mail of one round to one recipient; the key holds a hash, the address stays an attribute. */
const mailKey = (submissionId: string, round: string, recipient: string) => ({
  pk: `SUBMISSION#${submissionId}`,
  sk: `MAIL#${round}#${createHash('sha256').update(recipient.toLowerCase()).digest('hex').slice(0, 32)}`,
});

export interface MailRecord {
  readonly status: 'sent' | 'refused';
  readonly at: string;
  readonly messageId?: string;
  readonly reason?: string;
}

/** Attribute names that are DynamoDB reserved words, aliased where an expression uses them. */
const reserved = ['status', 'comment', 'question', 'answer', 'decision'] as const;
const ENDED_CONDITION = '#status IN (:expired, :ended)';
const namesIn = (expression: string) =>
  Object.fromEntries(
    reserved.filter((name) => expression.includes(`#${name}`)).map((name) => [`#${name}`, name]),
  );

/** DynamoDB refuses an empty ExpressionAttributeNames. */
const withNames = (names: Record<string, string>) =>
  Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {};

/**
 * Reading an approval and an action token: all the routes behind an e-mailed link show. Its own
 * factory so that their bundles cannot write (test/infra/table-access.test.ts).
 */
export function dynamoApprovalReader(client: DynamoDBDocumentClient, tableName: string) {
  return {
    async get(submissionId: string): Promise<Approval | undefined> {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: approvalKey(submissionId), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, type: _type, ...approval } = Item;
      return approval as Approval;
    },
    async getToken(tokenHash: string): Promise<ActionToken | undefined> {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: tokenKey(tokenHash), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, type: _type, expiresAt: _e, ...token } = Item;
      return token as ActionToken;
    },
  };
}

/** Approvals, their action tokens (by hash) and the application's timeline in the single table. */
export function dynamoApprovalStore(client: DynamoDBDocumentClient, tableName: string) {
  const timeline = dynamoTimelineStore(client, tableName);
  const update = (
    submissionId: string,
    expression: string,
    values: Record<string, unknown>,
    condition?: string,
  ) =>
    conditionally(
      client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: approvalKey(submissionId),
          UpdateExpression: expression,
          ...withNames(namesIn(`${expression} ${condition ?? ''}`)),
          ExpressionAttributeValues: values,
          ...(condition ? { ConditionExpression: condition } : {}),
        }),
      ),
    );

  return {
    ...dynamoApprovalReader(client, tableName),
    /** Creates the approval once; a retried workflow step finds it there. */
    async create(approval: Approval): Promise<boolean> {
      return conditionally(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...approvalKey(approval.submissionId), type: 'Approval', ...approval },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },
    /** Parks the workflow's current task token; waiting for a coordinator's decision or the applicant's answer. */
    park(submissionId: string, waitingFor: 'decision' | 'answer', taskToken: string, now: string) {
      return update(
        submissionId,
        'SET taskToken = :token, waitingFor = :waiting, updatedAt = :now, #status = :status',
        {
          ':token': taskToken,
          ':waiting': waitingFor,
          ':now': now,
          ':status': waitingFor === 'decision' ? 'pending' : 'question',
        },
      );
    },
    /** Records a decision if nobody decided first; false when somebody did. */
    decide(
      submissionId: string,
      input: {
        decision: Decision;
        by: string;
        at: string;
        comment?: string;
        shareComment?: boolean;
        question?: string;
      },
    ) {
      const status =
        input.decision === 'approve' ? 'approved' : input.decision === 'reject' ? 'rejected' : 'question';
      return update(
        submissionId,
        'SET #decision = :decision, decidedBy = :by, decidedAt = :at, #status = :status, updatedAt = :at, waitingFor = :next, #comment = :comment, shareComment = :share, #question = :question REMOVE taskToken',
        {
          ':decision': input.decision,
          ':by': input.by,
          ':at': input.at,
          ':status': status,
          ':next': input.decision === 'question' ? 'answer' : 'none',
          ':comment': input.comment ?? '',
          ':share': input.shareComment ?? false,
          ':question': input.question ?? '',
          ':pending': 'pending',
          ':decisionWait': 'decision',
        },
        '#status = :pending AND waitingFor = :decisionWait AND attribute_exists(taskToken)',
      );
    },
    /** Records the applicant's answer; the decision is open again. */
    answer(submissionId: string, answer: string, at: string) {
      return update(
        submissionId,
        'SET #answer = :answer, answeredAt = :at, updatedAt = :at, waitingFor = :none, #status = :pending REMOVE taskToken, #decision',
        { ':answer': answer, ':at': at, ':none': 'none', ':pending': 'pending', ':answerWait': 'answer' },
        'waitingFor = :answerWait AND attribute_exists(taskToken)',
      );
    },
    /** An admin's restart of an expired approval: open again, with a fresh clock. */
    reopen(submissionId: string, at: string) {
      return update(
        submissionId,
        'SET #status = :pending, createdAt = :at, updatedAt = :at, waitingFor = :none REMOVE #decision, decidedBy, decidedAt, taskToken',
        {
          ':pending': 'pending',
          ':at': at,
          ':none': 'none',
          ':expired': 'expired',
          ':ended': 'workflow-ended',
        },
        ENDED_CONDITION,
      );
    },
    /**
     * Keeps a decision that reached no workflow. When `ended`, the workflow stopped without a result
     * while the decision was open: the decision just recorded is taken back, so no later wait acts on it.
     */
    keepLateDecision(submissionId: string, late: LateDecision, ended: boolean) {
      const value = { ':late': late, ':at': late.at };
      return ended
        ? update(
            submissionId,
            'SET lateDecision = :late, updatedAt = :at, #status = :ended, waitingFor = :none REMOVE #decision, decidedBy, decidedAt, taskToken',
            { ...value, ':ended': 'workflow-ended', ':none': 'none' },
          )
        : update(submissionId, 'SET lateDecision = :late, updatedAt = :at', value);
    },
    /** The workflow ended without a result (failed, aborted) while it waited for someone. */
    markEnded(submissionId: string, at: string) {
      return update(
        submissionId,
        'SET #status = :ended, updatedAt = :at, waitingFor = :none REMOVE taskToken',
        { ':ended': 'workflow-ended', ':at': at, ':none': 'none' },
      );
    },
    expire(submissionId: string, at: string) {
      return update(
        submissionId,
        'SET #status = :expired, updatedAt = :at, waitingFor = :none REMOVE taskToken',
        {
          ':expired': 'expired',
          ':at': at,
          ':none': 'none',
        },
      );
    },
    async saveToken(token: ActionToken): Promise<void> {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...tokenKey(token.tokenHash),
            type: 'ActionToken',
            ...token,
            expiresAt: token.validUntil + 30 * 86_400,
          },
        }),
      );
    },
    /** Single use: true for the first caller only. */
    useToken(tokenHash: string, at: string): Promise<boolean> {
      return conditionally(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: tokenKey(tokenHash),
            UpdateExpression: 'SET usedAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt)',
            ExpressionAttributeValues: { ':at': at },
          }),
        ),
      );
    },
    /** What became of one round's mail to one recipient, if it was tried. */
    async getMail(submissionId: string, round: string, recipient: string): Promise<MailRecord | undefined> {
      const { Item } = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: mailKey(submissionId, round, recipient),
          ConsistentRead: true,
        }),
      );
      return Item
        ? ({ status: Item.status, at: Item.at, messageId: Item.messageId, reason: Item.reason } as MailRecord)
        : undefined;
    },
    /** Records a mail's outcome once; false when a retry already recorded it. */
    recordMail(
      submissionId: string,
      round: string,
      recipient: string,
      record: MailRecord,
      expiresAt?: number,
    ): Promise<boolean> {
      return conditionally(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...mailKey(submissionId, round, recipient),
              type: 'MailRecord',
              recipient,
              ...record,
              ...(expiresAt ? { expiresAt } : {}),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },
    addEvent: timeline.addEvent,
    listEvents: dynamoTimelineReader(client, tableName).listEvents,
  };
}

export type ApprovalStore = ReturnType<typeof dynamoApprovalStore>;
