import {
  CfnResource,
  type IPolicyValidationContext,
  type PolicyValidationPluginReport,
  Validations,
} from 'aws-cdk-lib';
import { AwsSolutionsChecks, type INagValidationContext, type NagRuleResult, rules } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag 3 matches acknowledgements by exact finding id, e.g.
 * `AwsSolutions-IAM5[Resource::prod-lotse-stateful:ExportsOutputFnGetAttMainTable74195DABArnE0EC388B/index/*]`.
 * Such ids embed logical ids, export names, the account and the region, so they cannot be written
 * down by hand. A pattern acknowledgement names the rule and a pattern for the finding instead;
 * findings are computed by cdk-nag's own rule when the checks run, and only those that match are
 * acknowledged, each with its reason. A finding nobody expected still fails synthesis.
 */
export interface PatternAcknowledgement {
  readonly rule: keyof typeof findingRules;
  /** Matched against the finding, e.g. `Resource::<Fn.Arn>:*` or `Action::kms:ReEncrypt*`. */
  readonly finding: RegExp;
  readonly reason: string;
}

/** One ARN segment as cdk-nag prints it: literal, or a pseudo parameter such as `<AWS::AccountId>`. */
export const arnSegment = '(?:<AWS::[A-Za-z]+>|[^:/<>]*)';

const findingRules = {
  'AwsSolutions-IAM4': rules.iam.IAMNoManagedPolicies,
  'AwsSolutions-IAM5': rules.iam.IAMNoWildcardPermissions,
} as const;

const registered = new WeakMap<IConstruct, PatternAcknowledgement[]>();

/** Acknowledges matching findings on `scope` and every resource below it. */
export function acknowledgeFindings(scope: IConstruct, ...acknowledgements: PatternAcknowledgement[]): void {
  registered.set(scope, [...(registered.get(scope) ?? []), ...acknowledgements]);
}

/**
 * The AWS Solutions checks, with pattern acknowledgements resolved just before they run. What is
 * acknowledged here is seen by the pack (it reads the tree) and by CDK, which collects
 * acknowledgements after every plugin has run; test/infra/nag.test.ts shows both.
 */
export class LotseSolutionsChecks extends AwsSolutionsChecks {
  override validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const app = (context as Partial<INagValidationContext>).appConstruct;
    if (app) resolvePatternAcknowledgements(app);
    return super.validate(context);
  }
}

/** Runs after synthesis, when cross-stack references have their final (export) form. */
export function resolvePatternAcknowledgements(root: IConstruct): void {
  for (const scope of root.node.findAll()) {
    const acknowledgements = registered.get(scope);
    if (!acknowledgements) continue;
    for (const resource of scope.node.findAll().filter(CfnResource.isCfnResource)) {
      for (const { rule, finding, reason } of acknowledgements) {
        for (const found of findings(findingRules[rule](resource))) {
          if (finding.test(found)) Validations.of(resource).acknowledge({ id: `${rule}[${found}]`, reason });
        }
      }
    }
  }
}

/** Findings of a rule that reports several per resource; rules that do not apply return none. */
const findings = (result: NagRuleResult): readonly string[] => (Array.isArray(result) ? result : []);
