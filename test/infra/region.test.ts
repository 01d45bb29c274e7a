import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildTestApp, testContext } from './lotse-app-fixture.ts';

/** Issue 13: the region is configuration (`-c lotse:region`); nothing in the templates pins the default. */
describe('another region', () => {
  it('leaves no trace of eu-central-1 in either template', () => {
    const lotse = buildTestApp({
      bundle: false,
      cloudFormationValidation: false,
      context: { ...testContext, 'lotse:region': 'eu-west-3' },
    });
    for (const stack of [lotse.stateful, lotse.stateless]) {
      expect(stack.region).toBe('eu-west-3');
      const template = JSON.stringify(Template.fromStack(stack).toJSON());
      expect(template.match(/.{0,60}eu-central-1.{0,20}/g), stack.stackName).toBeNull();
    }
  });
});
