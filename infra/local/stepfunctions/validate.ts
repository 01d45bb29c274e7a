import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const aslValidator = require('asl-validator') as (
  definition: unknown,
  options?: { checkPaths?: boolean; checkArn?: boolean },
) => { isValid: boolean; errorsText: (separator?: string) => string };

/** Validates ASL the way CI should: a definition that fails here must not reach CDK or the engine. */
export function validateAsl(definition: unknown): { valid: true } | { valid: false; message: string } {
  const result = aslValidator(structuredClone(definition), { checkPaths: true, checkArn: true });
  return result.isValid ? { valid: true } : { valid: false, message: result.errorsText('; ') };
}
