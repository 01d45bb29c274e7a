import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { type KeyAttribute, mainTable } from '#definitions/table.ts';
import type { CredentialKeyChoice, TableKeyChoice } from '../config.ts';
import { LotseUserPool } from '../constructs/user-pool.ts';

export interface StatefulStackProps extends StackProps {
  /** Name prefix, e.g. `prod`. */
  readonly stage: string;
  /** Which key encrypts the table (infra/config.ts); default the AWS owned one. */
  readonly tableKey?: TableKeyChoice;
  /**
   * Keep the data when the stack is deleted: the table (deletion protection on), its key, the
   * credential signing key, the user pool and its groups (infra/config.ts). Without it `cdk destroy`
   * deletes them all, so a test stage leaves nothing that keeps billing. @default true
   */
  readonly retainData?: boolean;
  /** What keeps the credential signing key (infra/config.ts). @default 'parameter' */
  readonly credentialKey?: CredentialKeyChoice;
}

/** The Parameter Store names of a stage's credential signing key (the `parameter` choice). */
export const credentialKeyParameterNames = (stage: string) => ({
  privateKey: `/lotse/${stage}/credential-signing-key`,
  publicKey: `/lotse/${stage}/credential-public-key`,
});

/**
 * What must survive a redeploy: the table (and the key that encrypts it, when the organisation
 * chose its own), the credential signing key, and the user pool with the staff accounts. With
 * `retainData` (the `prod` stage's default) all are retained when the stack is deleted; without,
 * they go with it. The stateless stack can be destroyed and rebuilt at any time.
 */
export class StatefulStack extends Stack {
  readonly table: dynamodb.ITable;
  /** The table's own KMS key, when the organisation chose one (`-c lotse:tableKey=customer-managed`). */
  readonly tableKey: kms.IKey | undefined;
  /**
   * Signs the certificates' Open Badges credentials (ES256) when the organisation chose a KMS key
   * (`-c lotse:credentialKey=kms`); the private key never leaves KMS. Undefined: the key is a
   * Parameter Store SecureString made on first use (`credentialKeyParameters`).
   */
  readonly credentialKey: kms.IKey | undefined;
  /** Where the key is kept with the `parameter` choice; undefined with a KMS key. */
  readonly credentialKeyParameters: { readonly privateKey: string; readonly publicKey: string } | undefined;
  readonly users: LotseUserPool;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const retain = props.retainData ?? true;
    const removalPolicy = retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    // A deleted key stays recoverable for 7 days (the shortest KMS allows), then is gone.
    const keyDeletion = retain ? {} : { pendingWindow: Duration.days(7) };

    // The AWS owned key by default: encrypted at rest at no cost, which keeps an idle stage under $1
    // a month. A customer managed key adds a key policy the organisation controls, a CloudTrail
    // record of every use, and a way to make all data unreadable at once (disable the key), for $1 a
    // month plus $1 for each of its first two yearly rotations; docs/deploy.md weighs the two. It is
    // retained with the table: deleting it would make the retained table unreadable.
    const key =
      props.tableKey === 'customer-managed'
        ? new kms.Key(this, 'TableKey', {
            description: `Lotse ${props.stage}: encrypts the main table and its stream`,
            enableKeyRotation: true,
            removalPolicy,
            ...keyDeletion,
          })
        : undefined;

    const attribute = ({ name, type }: KeyAttribute): dynamodb.Attribute => ({
      name,
      type: type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER,
    });

    const table = new dynamodb.Table(this, 'MainTable', {
      partitionKey: attribute(mainTable.partitionKey),
      sortKey: attribute(mainTable.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: mainTable.timeToLiveAttribute,
      stream: dynamodb.StreamViewType[mainTable.stream],
      ...(key
        ? { encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED, encryptionKey: key }
        : { encryption: dynamodb.TableEncryption.DEFAULT }),
      deletionProtection: retain,
      removalPolicy,
    });
    for (const index of mainTable.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    this.table = table;
    this.tableKey = key;
    this.users = new LotseUserPool(this, 'Users', { stage: props.stage, retain });
    // Retained with the data: deleting it leaves every issued credential unverifiable. Asymmetric keys
    // cannot rotate automatically; a new key would be added to the published JWKS beside this one.
    // The default keeps the key in Parameter Store instead (signer.ts says why): a KMS key is $1 a
    // month, which alone would be the whole idle bill of a stage (npm run cost). CloudFormation
    // cannot create a SecureString, so the certifying function makes it on first use; being no
    // resource of the stack, it stays when the stack is deleted (free; docs/deploy.md#removing).
    this.credentialKey =
      props.credentialKey === 'kms'
        ? new kms.Key(this, 'CredentialKey', {
            description: `Lotse ${props.stage}: signs the Open Badges credentials of certificates`,
            keySpec: kms.KeySpec.ECC_NIST_P256,
            keyUsage: kms.KeyUsage.SIGN_VERIFY,
            alias: `lotse-${props.stage}-credentials`,
            removalPolicy,
            ...keyDeletion,
          })
        : undefined;
    this.credentialKeyParameters = this.credentialKey ? undefined : credentialKeyParameterNames(props.stage);

    new CfnOutput(this, 'TableName', { value: table.tableName, description: 'The main DynamoDB table' });
    new CfnOutput(this, 'UserPoolId', {
      value: this.users.userPool.userPoolId,
      description: 'The user pool of admins, coordinators and viewers (aws cognito-idp admin-create-user)',
    });
    new CfnOutput(this, 'UserPoolClientId', {
      value: this.users.client.userPoolClientId,
      description: 'The app client to sign in with (npm run forms -- --client-id)',
    });
    new CfnOutput(this, 'UserPoolIssuerUrl', {
      value: this.users.issuerUrl,
      description: 'Issuer of the tokens the HTTP API accepts',
    });
  }
}
