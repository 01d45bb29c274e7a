import {
  AlreadyDecidedError,
  type Approval,
  assertCanDecide,
  type Decision,
  hasEnded,
  type LateDecision,
  type TimelineEvent,
  WorkflowEndedError,
} from './approvals.ts';

/**
 * One decision on an application, whether it comes from an e-mail link or the console: the first
 * one wins (a conditional write on the approval), the workflow's current task token is answered,
 * and a decision no workflow can act on any more is kept for staff (409 `workflow_ended`). The
 * loser of a race gets 409 "Already decided by X at T", whichever way each came. No AWS here.
 */
export interface DecideDeps {
  readonly approvals: {
    get(submissionId: string): Promise<Approval | undefined>;
    decide(submissionId: string, input: DecisionInput & { by: string; at: string }): Promise<boolean>;
    keepLateDecision(submissionId: string, late: LateDecision, ended: boolean): Promise<boolean>;
    addEvent(submissionId: string, event: TimelineEvent): Promise<void>;
  };
  /** Answers the task token; false when that wait is already over. */
  resume(taskToken: string, output: { decision: Decision; decidedBy: string }): Promise<boolean>;
  isWorkflowRunning(submissionId: string): Promise<boolean>;
  warn(message: string, details: Record<string, unknown>): void;
}

export interface DecisionInput {
  readonly decision: Decision;
  readonly comment?: string;
  readonly shareComment?: boolean;
  readonly question?: string;
}

export interface DecisionRequest extends DecisionInput {
  readonly submissionId: string;
  /** Who decides: the link's recipient, or the signed-in staff member. */
  readonly by: string;
  readonly at: string;
  /** The approval as the caller read it, if it did. */
  readonly approval?: Approval;
  /**
   * Claimed once the decision is allowed and before it is written: the e-mail path uses its link up
   * here. False means someone was first.
   */
  readonly claim?: () => Promise<boolean>;
}

export const alreadyDecided = (approval: Approval | undefined, fallback = 'someone else') =>
  new AlreadyDecidedError(
    `Already decided by ${approval?.decidedBy ?? fallback}${approval?.decidedAt ? ` at ${approval.decidedAt}` : ''}.`,
  );

/** Records the decision and resumes the workflow; returns the approval as it is afterwards. */
export async function decide(deps: DecideDeps, request: DecisionRequest): Promise<Approval | undefined> {
  const { submissionId, by, at } = request;
  const approval = request.approval ?? (await deps.approvals.get(submissionId));
  const late: LateDecision = {
    decision: request.decision,
    by,
    at,
    ...(request.comment ? { comment: request.comment } : {}),
  };
  const ended = approval !== undefined && hasEnded(approval) && !approval.decision;
  const open = ended ? approval : assertCanDecide(approval);
  if (request.claim && !(await request.claim())) throw alreadyDecided(approval);
  if (ended) await keepUndelivered(deps, submissionId, late, open.status, false);
  const recorded = await deps.approvals.decide(submissionId, {
    decision: request.decision,
    by,
    at,
    ...(request.comment ? { comment: request.comment } : {}),
    ...(request.shareComment !== undefined ? { shareComment: request.shareComment } : {}),
    ...(request.question ? { question: request.question } : {}),
  });
  if (!recorded) throw alreadyDecided(await deps.approvals.get(submissionId));
  const resumed = await deps.resume(open.taskToken as string, { decision: request.decision, decidedBy: by });
  if (!resumed) {
    // A wait that just timed out is followed by the next one, which picks the stored decision up.
    if (!(await deps.isWorkflowRunning(submissionId)))
      await keepUndelivered(deps, submissionId, late, 'workflow-ended', true);
    deps.warn('decision recorded, workflow wait already over', { submissionId });
  }
  await deps.approvals.addEvent(submissionId, {
    at,
    action: `decided-${request.decision}`,
    actor: by,
    ...(request.comment
      ? { detail: { comment: request.comment, shared: String(Boolean(request.shareComment)) } }
      : {}),
  });
  return deps.approvals.get(submissionId);
}

/** Keeps the decision on the approval and the timeline for staff, then tells the one who decided. */
async function keepUndelivered(
  deps: DecideDeps,
  submissionId: string,
  late: LateDecision,
  reason: string,
  ended: boolean,
): Promise<never> {
  await deps.approvals.keepLateDecision(submissionId, late, ended);
  await deps.approvals.addEvent(submissionId, {
    at: late.at,
    action: 'decision-undelivered',
    actor: late.by,
    detail: { decision: late.decision, reason, ...(late.comment ? { comment: late.comment } : {}) },
  });
  throw new WorkflowEndedError();
}
