import { certificateAssets } from '../certificates/assets.ts';
/**
 * Every Lambda function of Lotse, in one place. The CDK stateless stack builds one
 * NodejsFunction per entry and grants exactly what `access` says; the local runtime imports the
 * same `entry` module and calls its `handler` export.
 */
/**
 * The DynamoDB IAM actions on the main table, without the `dynamodb:` prefix. Transactions have no
 * action of their own: a TransactWriteItems call needs the action of each part (PutItem,
 * UpdateItem, DeleteItem, ConditionCheckItem), TransactGetItems needs GetItem.
 */
export type TableAction =
  | 'GetItem'
  | 'BatchGetItem'
  | 'Query'
  | 'Scan'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'BatchWriteItem'
  | 'ConditionCheckItem'
  | 'DescribeTable';

/** What a function may do with the main table: exactly the actions its code can send. */
export interface TableAccess {
  readonly actions: readonly TableAction[];
  /** Also Query the table's secondary indexes (`<table>/index/*`, Query only). @default false */
  readonly queryIndexes?: boolean;
}

export interface FunctionAccess {
  /**
   * The main table, only the actions the function's code can send: test/infra/table-access.test.ts
   * bundles each function and fails when this list is not exactly what the bundle can call.
   */
  readonly table?: TableAccess;
  /** State machines (by id from state-machines.ts) this function may start. */
  readonly startExecution?: readonly string[];
  /** May answer task tokens (SendTaskSuccess/Failure/Heartbeat) of these state machines. */
  readonly answerTasks?: readonly string[];
  /** May list the executions of these state machines (to tell whether a workflow still runs). */
  readonly listExecutions?: readonly string[];
  /** May read the status of these state machines (DescribeStateMachine). */
  readonly describeStateMachines?: readonly string[];
  /** May send e-mail through SES from the configured identity. */
  readonly sendMail?: boolean;
  /** May read the SES account status (sending enabled, quota). */
  readonly readMailAccount?: boolean;
  /**
   * The Cognito user pool of staff: `read` lists users and their groups; `manage` also invites,
   * changes groups, disables, enables and signs users out.
   */
  readonly userPool?: 'read' | 'manage';
  /**
   * May sign credentials with the organisation's key: the private JWK in Parameter Store (get and,
   * on first use, put that parameter and its public twin; CREDENTIAL_KEY_PARAMETER and
   * CREDENTIAL_PUBLIC_KEY_PARAMETER), or with `lotse:credentialKey=kms` the KMS key (kms:Sign,
   * kms:GetPublicKey on that key only; CREDENTIAL_KEY_ID).
   */
  readonly signCredentials?: boolean;
  /**
   * May read the public half of that key, to publish it and check signatures: the public parameter
   * only (CREDENTIAL_PUBLIC_KEY_PARAMETER), or kms:GetPublicKey on the KMS key (CREDENTIAL_KEY_ID).
   */
  readonly readCredentialKey?: boolean;
}

export type StreamEventName = 'INSERT' | 'MODIFY' | 'REMOVE';

/** Which stream records reach a function: by event and by the item's `type` attribute. */
export interface StreamFilter {
  readonly eventName: StreamEventName | readonly StreamEventName[];
  readonly itemType: string | readonly string[];
}

/** One filter pattern: REMOVE records match the item as it was (OldImage), the others as it is now. */
export interface StreamFilterPattern {
  readonly eventNames: readonly StreamEventName[];
  readonly itemTypes: readonly string[];
  readonly image: 'NewImage' | 'OldImage';
}

/** The patterns a trigger's filter(s) stand for; the CDK event source and the local stream reader use these. */
export function streamFilterPatterns(filter: StreamFilter | readonly StreamFilter[]): StreamFilterPattern[] {
  const filters: readonly StreamFilter[] = Array.isArray(filter) ? filter : [filter as StreamFilter];
  return filters.flatMap((one) => {
    const names = ([] as StreamEventName[]).concat(one.eventName);
    const itemTypes = ([] as string[]).concat(one.itemType);
    const current = names.filter((name) => name !== 'REMOVE');
    return [
      ...(current.length ? [{ eventNames: current, itemTypes, image: 'NewImage' as const }] : []),
      ...(names.includes('REMOVE')
        ? [{ eventNames: ['REMOVE' as const], itemTypes, image: 'OldImage' as const }]
        : []),
    ];
  });
}

/** What invokes a function besides HTTP routes and state machines. */
export type FunctionTrigger =
  | {
      /** The main table's stream; only records matching the filter (any of several) reach the function. */
      readonly type: 'table-stream';
      readonly filter: StreamFilter | readonly StreamFilter[];
      readonly batchSize: number;
      /** Retries of a failing batch before it goes to the dead-letter queue. */
      readonly maxRetries: number;
    }
  | { readonly type: 'schedule'; readonly everyMinutes: number }
  | {
      /**
       * Step Functions' "Execution Status Change" events of these state machines (EventBridge on
       * AWS; the local engine raises the same events) that end in one of `statuses`.
       */
      readonly type: 'workflow-status';
      readonly stateMachines: readonly string[];
      readonly statuses: readonly ('FAILED' | 'TIMED_OUT' | 'ABORTED' | 'SUCCEEDED')[];
    };

export interface FunctionDefinition {
  /** Path from the repository root to the module exporting `handler`. */
  readonly entry: string;
  readonly description: string;
  /** @default 10 */
  readonly timeoutSeconds?: number;
  /** @default 256 */
  readonly memoryMb?: number;
  readonly access: FunctionAccess;
  readonly trigger?: FunctionTrigger;
  /**
   * Files (paths from the repository root) copied into the bundle's `assets/` folder, for what
   * esbuild cannot bundle, e.g. the certificate fonts (certificateAssets in
   * functions/shared/certificates/assets.ts). @default none
   */
  readonly assets?: readonly string[];
}

export const functions = {
  health: {
    entry: 'functions/health/handler.ts',
    description: 'Answers whether Lotse is up (data, workflows and mail reachable), nothing more',
    access: {
      table: { actions: ['DescribeTable'] },
      describeStateMachines: ['system-check'],
      readMailAccount: true,
    },
  },
  openapi: {
    entry: 'functions/openapi/handler.ts',
    description: 'Serves the OpenAPI document generated from the route table',
    access: {},
  },
  'system-check-create': {
    entry: 'functions/system-check-create/handler.ts',
    description: 'Stores a system check and starts its workflow',
    access: {
      table: { actions: ['GetItem', 'PutItem', 'UpdateItem'] },
      startExecution: ['system-check'],
    },
  },
  'system-check-get': {
    entry: 'functions/system-check-get/handler.ts',
    description: 'Returns the status of a system check',
    access: { table: { actions: ['GetItem'] } },
  },
  'system-check-confirm': {
    entry: 'functions/system-check-confirm/handler.ts',
    description: 'Confirms a system check with the code from its e-mail and resumes the workflow',
    access: {
      table: { actions: ['GetItem', 'PutItem', 'UpdateItem'] },
      answerTasks: ['system-check'],
    },
  },
  'system-check-send-mail': {
    entry: 'functions/system-check-send-mail/handler.ts',
    description: 'Workflow task: sends the check e-mail and parks the task token',
    access: { table: { actions: ['GetItem', 'PutItem', 'UpdateItem'] }, sendMail: true },
  },
  'system-check-record-outcome': {
    entry: 'functions/system-check-record-outcome/handler.ts',
    description: 'Workflow task: records how a system check ended',
    access: { table: { actions: ['GetItem', 'PutItem', 'UpdateItem'] } },
  },
  'form-list': {
    entry: 'functions/form-list/handler.ts',
    description: 'Lists the published forms',
    access: {
      table: {
        actions: ['GetItem', 'Query'],
        queryIndexes: true,
      },
    },
  },
  'form-get': {
    entry: 'functions/form-get/handler.ts',
    description: 'Returns the published version of a form in one language, and its precompiled validator',
    access: {
      table: {
        actions: ['GetItem', 'Query'],
        queryIndexes: true,
      },
    },
  },
  'submission-create': {
    entry: 'functions/submission-create/handler.ts',
    description: 'Validates and stores a submission, answers with a receipt',
    access: {
      table: {
        actions: ['ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
        queryIndexes: true,
      },
    },
  },
  'submission-workflow-start': {
    entry: 'functions/submission-workflow-start/handler.ts',
    description: 'Starts the workflow of each new submission from the table stream',
    access: {
      table: { actions: ['GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      startExecution: ['submission-received', 'volunteer-onboarding', 'counselling-intake'],
    },
    trigger: {
      type: 'table-stream',
      filter: { eventName: 'INSERT', itemType: 'Submission' },
      batchSize: 10,
      maxRetries: 8,
    },
  },
  'submission-workflow-redrive': {
    entry: 'functions/submission-workflow-redrive/handler.ts',
    description: 'Starts workflows of submissions still pending after the stream gave up',
    // Long enough to drain a large backlog at the StartExecution rate, short of the 5-minute schedule.
    timeoutSeconds: 240,
    access: {
      table: { actions: ['GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      startExecution: ['submission-received', 'volunteer-onboarding', 'counselling-intake'],
    },
    trigger: { type: 'schedule', everyMinutes: 5 },
  },
  'submission-send-confirmation': {
    entry: 'functions/submission-send-confirmation/handler.ts',
    description: 'Workflow task: confirms receipt to the submitter by e-mail',
    access: {
      table: {
        actions: ['ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
        queryIndexes: true,
      },
      sendMail: true,
    },
  },
  'admin-form-validate': {
    entry: 'functions/admin-form-validate/handler.ts',
    description: 'Checks a form definition without saving it',
    access: { table: { actions: ['GetItem'] } },
  },
  'admin-form-save': {
    entry: 'functions/admin-form-save/handler.ts',
    description: 'Saves a form definition as a new draft version',
    access: {
      table: {
        actions: ['ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
        queryIndexes: true,
      },
    },
  },
  'admin-form-versions': {
    entry: 'functions/admin-form-versions/handler.ts',
    description: 'Lists the versions of a form',
    access: {
      table: {
        actions: ['GetItem', 'Query'],
        queryIndexes: true,
      },
    },
  },
  'admin-form-version-get': {
    entry: 'functions/admin-form-version-get/handler.ts',
    description: 'Returns one version of a form with its definition',
    access: {
      table: {
        actions: ['GetItem', 'Query'],
        queryIndexes: true,
      },
    },
  },
  'admin-form-publish': {
    entry: 'functions/admin-form-publish/handler.ts',
    description: 'Publishes a version of a form',
    access: {
      table: {
        actions: ['ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
        queryIndexes: true,
      },
    },
  },
  'admin-form-rollback': {
    entry: 'functions/admin-form-rollback/handler.ts',
    description: 'Publishes an earlier version of a form again',
    access: {
      table: {
        actions: ['ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
        queryIndexes: true,
      },
    },
  },
  'approval-prepare': {
    entry: 'functions/approval-prepare/handler.ts',
    description:
      'Workflow task: confirms receipt, opens the approval of a registration and returns its waiting times',
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      sendMail: true,
    },
  },
  'approval-request': {
    entry: 'functions/approval-request/handler.ts',
    description: 'Workflow task: parks the task token and e-mails coordinators their decision links',
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      sendMail: true,
      answerTasks: ['volunteer-onboarding'],
    },
  },
  'approval-ask-applicant': {
    entry: 'functions/approval-ask-applicant/handler.ts',
    description: "Workflow task: e-mails the coordinator's question to the applicant",
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      sendMail: true,
    },
  },
  'approval-outcome': {
    entry: 'functions/approval-outcome/handler.ts',
    description: 'Workflow task: tells the applicant the outcome in their language',
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      sendMail: true,
    },
  },
  'approval-expire': {
    entry: 'functions/approval-expire/handler.ts',
    description: 'Workflow task: marks an undecided approval expired and tells the applicant',
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      sendMail: true,
    },
  },
  'decision-get': {
    entry: 'functions/decision-get/handler.ts',
    description: "Shows what a coordinator's decision link is about; changes nothing",
    access: {
      table: { actions: ['GetItem'] },
    },
  },
  'decision-post': {
    entry: 'functions/decision-post/handler.ts',
    description: 'Records a coordinator decision from the decision page and resumes the workflow',
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      answerTasks: ['volunteer-onboarding'],
      listExecutions: ['volunteer-onboarding'],
    },
  },
  'answer-get': {
    entry: 'functions/answer-get/handler.ts',
    description: "Shows the coordinator's question to the applicant; changes nothing",
    access: {
      table: { actions: ['GetItem'] },
    },
  },
  'answer-post': {
    entry: 'functions/answer-post/handler.ts',
    description: "Records the applicant's answer and resumes the workflow",
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      answerTasks: ['volunteer-onboarding'],
      listExecutions: ['volunteer-onboarding'],
    },
  },
  'admin-submission-timeline': {
    entry: 'functions/admin-submission-timeline/handler.ts',
    description: 'Every step of an application, with who and when',
    access: {
      table: {
        actions: ['BatchGetItem', 'GetItem', 'Query'],
        queryIndexes: true,
      },
    },
  },
  'admin-submission-restart': {
    entry: 'functions/admin-submission-restart/handler.ts',
    description: 'Restarts an application whose workflow failed, timed out or expired',
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      startExecution: ['submission-received', 'volunteer-onboarding', 'counselling-intake'],
    },
  },
  'admin-attention-list': {
    entry: 'functions/admin-attention-list/handler.ts',
    description: 'Lists the submissions that need attention, by kind',
    access: {
      table: {
        actions: ['GetItem', 'Query'],
        queryIndexes: true,
      },
    },
  },
  'workflow-status-record': {
    entry: 'functions/workflow-status-record/handler.ts',
    description: 'Records a submission workflow that failed or timed out as needing attention',
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
    },
    trigger: {
      type: 'workflow-status',
      stateMachines: ['submission-received', 'volunteer-onboarding', 'counselling-intake'],
      statuses: ['FAILED', 'TIMED_OUT'],
    },
  },
  'attention-digest': {
    entry: 'functions/attention-digest/handler.ts',
    description: "Counts what needs attention for the alarms and mails the organisation's admin what is new",
    timeoutSeconds: 60,
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      sendMail: true,
    },
    trigger: { type: 'schedule', everyMinutes: 15 },
  },
  'intake-route': {
    entry: 'functions/intake-route/handler.ts',
    description: 'Workflow task: routes a counselling request to a team and opens the case',
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
    },
  },
  'intake-notify-team': {
    entry: 'functions/intake-notify-team/handler.ts',
    description: 'Workflow task: notifies the team (first name and topic only), or escalates',
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      sendMail: true,
    },
  },
  'intake-acknowledge': {
    entry: 'functions/intake-acknowledge/handler.ts',
    description: 'Workflow task: tells the person who will contact them and when',
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      sendMail: true,
    },
  },
  'intake-await-pickup': {
    entry: 'functions/intake-await-pickup/handler.ts',
    description: 'Workflow task: parks the task token until the case is picked up',
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
    },
  },
  'intake-mark-unassigned': {
    entry: 'functions/intake-mark-unassigned/handler.ts',
    description: 'Workflow task: marks a case nobody picked up as unassigned',
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
    },
  },
  'admin-case-get': {
    entry: 'functions/admin-case-get/handler.ts',
    description: 'A counselling case with all answers, behind sign-in',
    access: { table: { actions: ['GetItem'] } },
  },
  'admin-case-pickup': {
    entry: 'functions/admin-case-pickup/handler.ts',
    description: 'A team member picks a counselling case up',
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      answerTasks: ['counselling-intake'],
    },
  },
  'inbox-project': {
    entry: 'functions/inbox-project/handler.ts',
    description: 'Keeps the inbox entries, counts and search terms from the table stream',
    access: {
      table: {
        actions: ['BatchGetItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
        queryIndexes: true,
      },
    },
    trigger: {
      type: 'table-stream',
      filter: [
        { eventName: ['INSERT', 'MODIFY'], itemType: ['Submission', 'Approval', 'Case', 'Attention'] },
        // Attention cleared by a restart; an entry removed by TTL leaves the counts.
        { eventName: 'REMOVE', itemType: ['Attention', 'InboxEntry'] },
      ],
      batchSize: 25,
      maxRetries: 8,
    },
  },
  'inbox-list': {
    entry: 'functions/inbox-list/handler.ts',
    description: 'One page of the inbox: a form or every form in scope, newest first, filtered',
    access: {
      table: {
        actions: ['BatchGetItem', 'GetItem', 'Query'],
        queryIndexes: true,
      },
    },
  },
  'inbox-search': {
    entry: 'functions/inbox-search/handler.ts',
    description: 'Finds applications by name or e-mail (the term in the body, never in a URL)',
    access: {
      table: {
        actions: ['BatchGetItem', 'GetItem', 'Query'],
        queryIndexes: true,
      },
    },
  },
  'inbox-counts': {
    entry: 'functions/inbox-counts/handler.ts',
    description: 'Counts of applications per status, per form and in total',
    access: {
      table: {
        actions: ['BatchGetItem', 'GetItem', 'Query'],
        queryIndexes: true,
      },
    },
  },
  'submission-get': {
    entry: 'functions/submission-get/handler.ts',
    description:
      'An application in full for staff: answers, its form version, consent, state, notes, timeline',
    access: {
      table: {
        actions: ['BatchGetItem', 'GetItem', 'Query'],
        queryIndexes: true,
      },
    },
  },
  'submission-decide': {
    entry: 'functions/submission-decide/handler.ts',
    description: 'A coordinator decides from the console: the same decision as the e-mail link',
    access: {
      table: {
        actions: ['BatchGetItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
        queryIndexes: true,
      },
      answerTasks: ['volunteer-onboarding'],
      listExecutions: ['volunteer-onboarding'],
    },
  },
  'submission-note': {
    entry: 'functions/submission-note/handler.ts',
    description: 'Adds an internal note (staff only) to an application',
    access: {
      table: {
        actions: ['BatchGetItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
        queryIndexes: true,
      },
    },
  },
  'submission-assign': {
    entry: 'functions/submission-assign/handler.ts',
    description: 'Assigns an application to a staff member, or clears the assignment',
    access: {
      table: {
        actions: ['BatchGetItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
        queryIndexes: true,
      },
    },
  },
  'submission-pickup': {
    entry: 'functions/submission-pickup/handler.ts',
    description: 'Picks a counselling request up from the inbox',
    access: {
      table: {
        actions: ['BatchGetItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
        queryIndexes: true,
      },
      answerTasks: ['counselling-intake'],
    },
  },
  'admin-user-list': {
    entry: 'functions/admin-user-list/handler.ts',
    description: 'Lists the staff accounts with role, forms and status',
    access: {
      table: { actions: ['BatchGetItem', 'GetItem'] },
      userPool: 'read',
    },
  },
  'admin-user-invite': {
    entry: 'functions/admin-user-invite/handler.ts',
    description: 'Invites a staff member by e-mail with a role and forms',
    access: {
      table: {
        actions: ['BatchGetItem', 'GetItem', 'PutItem', 'Query'],
        queryIndexes: true,
      },
      userPool: 'manage',
    },
  },
  'admin-user-update': {
    entry: 'functions/admin-user-update/handler.ts',
    description: 'Changes the role, forms or teams of a staff member, or disables or enables the account',
    access: {
      table: {
        actions: ['BatchGetItem', 'GetItem', 'PutItem', 'Query'],
        queryIndexes: true,
      },
      userPool: 'manage',
    },
  },
  'admin-user-resend-invitation': {
    entry: 'functions/admin-user-resend-invitation/handler.ts',
    description: 'Sends a staff invitation again with a new link',
    access: {
      table: {
        actions: ['BatchGetItem', 'GetItem', 'PutItem', 'Query'],
        queryIndexes: true,
      },
      userPool: 'manage',
    },
  },
  'admin-health': {
    entry: 'functions/admin-health/handler.ts',
    description: 'Each component with its detail, and what needs staff (admins)',
    access: {
      table: {
        actions: ['DescribeTable', 'GetItem', 'Query'],
        queryIndexes: true,
      },
      describeStateMachines: ['system-check'],
      readMailAccount: true,
    },
  },
  'settings-get': {
    entry: 'functions/settings-get/handler.ts',
    description: "The organisation's public settings for pages",
    access: { table: { actions: ['GetItem'] } },
  },
  'settings-logo-get': {
    entry: 'functions/settings-logo-get/handler.ts',
    description: "Serves the organisation's logo",
    access: { table: { actions: ['GetItem'] } },
  },
  'admin-settings-get': {
    entry: 'functions/admin-settings-get/handler.ts',
    description: 'Every organisation setting, for admins',
    access: { table: { actions: ['GetItem'] } },
  },
  'admin-settings-put': {
    entry: 'functions/admin-settings-put/handler.ts',
    description: 'Saves the organisation settings and records the change in the audit log',
    access: { table: { actions: ['GetItem', 'PutItem'] } },
  },
  'admin-audit-list': {
    entry: 'functions/admin-audit-list/handler.ts',
    description: 'Reads the audit log for admins',
    access: { table: { actions: ['GetItem', 'Query'], queryIndexes: true } },
  },
  'inbox-export': {
    entry: 'functions/inbox-export/handler.ts',
    description: "Exports a form's submissions as CSV, Excel or pages of rows, and audits each export",
    // API Gateway waits 30 s at most; building the file is CPU-bound, and CPU grows with memory.
    timeoutSeconds: 29,
    memoryMb: 1024,
    access: {
      table: {
        actions: ['BatchGetItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
        queryIndexes: true,
      },
    },
  },
  'admin-form-editor-read': {
    entry: 'functions/admin-form-editor-read/handler.ts',
    description:
      "The form editor's reading routes: forms, templates, drafts, diff, impact, import check, export, mail preview",
    access: {
      table: {
        actions: ['BatchGetItem', 'GetItem', 'Query'],
        queryIndexes: true,
      },
    },
  },
  'admin-form-editor-write': {
    entry: 'functions/admin-form-editor-write/handler.ts',
    description:
      "The form editor's writing routes: create a form, save or discard its draft, publish it (audited)",
    access: {
      table: {
        actions: ['BatchGetItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
        queryIndexes: true,
      },
    },
  },
  'course-step': {
    entry: 'functions/course-step/handler.ts',
    description:
      "Workflow task: every step of a volunteer's course path (offer, answer, confirm, reminders, changes)",
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      sendMail: true,
      answerTasks: ['volunteer-course'],
      startExecution: ['volunteer-course'],
    },
  },
  'course-certify': {
    entry: 'functions/course-certify/handler.ts',
    description: 'Workflow task: certifies one participant (certificate, signed credential, PDF mail) or not',
    // Rendering the PDF with embedded fonts is CPU-bound, and CPU grows with memory.
    timeoutSeconds: 60,
    memoryMb: 1024,
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      sendMail: true,
      answerTasks: ['volunteer-course'],
      signCredentials: true,
    },
    assets: certificateAssets,
  },
  'course-admin-read': {
    entry: 'functions/course-admin-read/handler.ts',
    description:
      "The console's reading course routes: courses, enrolments, candidates, certificates, reports",
    access: {
      table: {
        actions: ['BatchGetItem', 'GetItem', 'Query'],
        queryIndexes: true,
      },
    },
  },
  'course-admin-write': {
    entry: 'functions/course-admin-write/handler.ts',
    description:
      "The console's changing course routes: courses, enrolment, invitations, waiting list, attendance, cancellations, revocation (audited)",
    access: {
      table: { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      startExecution: ['volunteer-course', 'course-certification'],
      answerTasks: ['volunteer-course'],
    },
  },
  'course-public': {
    entry: 'functions/course-public/handler.ts',
    description:
      "A volunteer's offer links (accept, decline), own page (cancel, calendar, certificates) and certificate verification",
    // Publishes the key's public half for verification.
    access: {
      table: { actions: ['GetItem', 'PutItem', 'Query', 'UpdateItem'], queryIndexes: true },
      answerTasks: ['volunteer-course'],
      readCredentialKey: true,
    },
  },
  'certificate-pdf': {
    entry: 'functions/certificate-pdf/handler.ts',
    description: "A certificate as PDF, for the console and for the volunteer's own page (read-only)",
    // Rendering the PDF with embedded fonts is CPU-bound, and CPU grows with memory. Its own
    // function so that pdf-lib and the fonts load only where a PDF is made.
    memoryMb: 1024,
    access: { table: { actions: ['GetItem', 'Query'], queryIndexes: true } },
    assets: certificateAssets,
  },
} as const satisfies Record<string, FunctionDefinition>;

export type FunctionId = keyof typeof functions;

export const functionIds = Object.keys(functions) as FunctionId[];

/** The key a state-machine definition uses to refer to a function, e.g. `${SystemCheckSendMailFunctionArn}`. */
export const functionArnSubstitutionKey = (id: FunctionId): string =>
  `${id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')}FunctionArn`;
