import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { undeliverableSender } from '../../infra/config.ts';
import { buildTestApp, testContext } from './lotse-app-fixture.ts';

/**
 * Issue 13: without a real sender every mail would fail, so such a stack synthesizes (a fresh
 * checkout can run `cdk synth`) but cannot be deployed: a CloudFormation rule, which is checked
 * before anything is created, fails with what to set.
 */
function templates(mailFrom: string | undefined) {
  const { 'lotse:mailFrom': _, ...rest } = testContext;
  const lotse = buildTestApp({
    bundle: false,
    cloudFormationValidation: false,
    context: { ...rest, ...(mailFrom ? { 'lotse:mailFrom': mailFrom } : {}) },
  });
  return [lotse.stateful, lotse.stateless].map((stack) => Template.fromStack(stack).toJSON());
}

type Rule = { Assertions: { Assert: unknown; AssertDescription: string }[] };

describe('a deploy without a real sender', () => {
  it.each([
    [undefined, 'no sender is set'],
    ['lotse@example.org', 'example.org is reserved'],
    ['team@lotse.test', 'lotse.test is reserved'],
  ])('with lotse:mailFrom %s stops before anything is created, saying what to set', (mailFrom, why) => {
    for (const template of templates(mailFrom)) {
      const rule = (template.Rules as Record<string, Rule> | undefined)?.RealSender;
      expect(rule, 'a rule in every stack: the stateful stack deploys first').toBeDefined();
      const [assertion] = rule?.Assertions ?? [];
      // Always false: a literal that never equals the other.
      expect(assertion?.Assert).toEqual({
        'Fn::Equals': [mailFrom ?? 'lotse@example.org', 'a deliverable sender'],
      });
      expect(assertion?.AssertDescription).toContain(why);
      expect(assertion?.AssertDescription).toContain('-c lotse:mailFrom=');
    }
  });

  it('has no such rule with a real sender', () => {
    for (const template of templates('lotse@lotsen-nord.de')) {
      // CDK's own bootstrap check stays; ours is not there.
      expect(Object.keys(template.Rules ?? {})).toEqual(['CheckBootstrapVersion']);
    }
  });

  it('knows the reserved names and nothing else', () => {
    for (const sender of ['a@example.com', 'a@EXAMPLE.NET', 'a@x.example', 'a@host.invalid', 'a@localhost'])
      expect(undeliverableSender(sender), sender).toBeDefined();
    for (const sender of ['a@example-verein.de', 'a@examples.org', 'a@testing.de', 'a@lotse.org'])
      expect(undeliverableSender(sender), sender).toBeUndefined();
  });
});
