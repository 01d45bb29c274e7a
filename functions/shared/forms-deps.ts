import { compileFormSchema } from './domain/form-schema-compiler.ts';
import { formStoreDeps } from './form-store-deps.ts';

/** Wires the form and submission use cases to DynamoDB, with the compiler that validates answers. */
export function formsDeps() {
  return { ...formStoreDeps(), compile: compileFormSchema };
}
