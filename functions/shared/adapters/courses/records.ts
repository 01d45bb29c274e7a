import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CourseStore } from '../../domain/course-model.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { conditionally, queryAll } from '../dynamo.ts';
import {
  certificateItem,
  certificateKey,
  courseCertificatesKey,
  offerLinkItem,
  offerLinkKey,
  participantIndexKey,
  statusName,
  toCertificate,
  toOfferLink,
} from './items.ts';

type RecordReads = Pick<
  CourseStore,
  'getCertificate' | 'certificatesOf' | 'certificatesOfCourse' | 'getOfferLink'
>;
type RecordWrites = Pick<
  CourseStore,
  'putCertificate' | 'revokeCertificate' | 'putOfferLink' | 'useOfferLink'
>;

/** Reads one item consistently. */
export const getItemOf =
  (client: DynamoDBDocumentClient, tableName: string) => async (key: { pk: string; sk: string }) =>
    (await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

/** Reading certificates and offer links; its own factory so that routes that only read hold no write. */
export function dynamoCourseRecordReader(client: DynamoDBDocumentClient, tableName: string): RecordReads {
  const getItem = getItemOf(client, tableName);
  return {
    async getCertificate(number) {
      const item = await getItem(certificateKey(number));
      return item ? toCertificate(item) : undefined;
    },
    async certificatesOf(participantId) {
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: 'gsi4',
        KeyConditionExpression: 'gsi4pk = :pk AND begins_with(gsi4sk, :certificate)',
        ExpressionAttributeValues: {
          ':pk': participantIndexKey(participantId),
          ':certificate': 'CERTIFICATE#',
        },
      });
      return items.map(toCertificate);
    },
    async certificatesOfCourse(courseId) {
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': courseCertificatesKey(courseId) },
      });
      return items.map(toCertificate);
    },
    async getOfferLink(tokenHash) {
      const item = await getItem(offerLinkKey(tokenHash));
      return item ? toOfferLink(item) : undefined;
    },
  };
}

/** Certificates and offer links, plain records beside the seats: their writes (the reads are above). */
export function dynamoCourseRecords(client: DynamoDBDocumentClient, tableName: string): RecordWrites {
  const getItem = getItemOf(client, tableName);
  return {
    /** A number is issued once; a second certificate under it would change what verification shows. */
    async putCertificate(certificate) {
      const stored = await conditionally(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: certificateItem(certificate),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      if (!stored) throw new ConflictError(`The certificate ${certificate.number} exists already.`);
    },
    async revokeCertificate(number, { reason, by, at }) {
      const revoked = await conditionally(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: certificateKey(number),
            UpdateExpression:
              'SET #status = :revoked, revokedAt = :at, revokedReason = :reason, revokedBy = :by',
            ConditionExpression: 'attribute_exists(pk) AND #status = :valid',
            ExpressionAttributeNames: statusName,
            ExpressionAttributeValues: {
              ':revoked': 'revoked',
              ':valid': 'valid',
              ':at': at,
              ':reason': reason,
              ':by': by,
            },
          }),
        ),
      );
      if (revoked) return;
      if (!(await getItem(certificateKey(number))))
        throw new NotFoundError(`There is no certificate ${number}.`);
      throw new ConflictError(`The certificate ${number} is revoked already.`);
    },
    async putOfferLink(link) {
      await client.send(new PutCommand({ TableName: tableName, Item: offerLinkItem(link) }));
    },
    useOfferLink(tokenHash, answer, at) {
      return conditionally(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: offerLinkKey(tokenHash),
            UpdateExpression: 'SET usedAt = :at, #answer = :answer',
            ExpressionAttributeNames: { '#answer': 'answer' },
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt)',
            ExpressionAttributeValues: { ':at': at, ':answer': answer },
          }),
        ),
      );
    },
  };
}
