import type { Stack } from 'aws-cdk-lib';
import type { LotseHttpApi } from '../constructs/http-api.ts';
import type { LotseFunction } from '../constructs/lotse-function.ts';
import type { Workflow } from '../constructs/workflow.ts';

export interface StatelessFindings {
  readonly functions: Readonly<Record<string, LotseFunction>>;
  readonly workflows: readonly Workflow[];
  readonly api: LotseHttpApi;
}

export function acknowledgeStatelessFindings(_stack: Stack, _findings: StatelessFindings): void {}
