import { fromEnv } from '@aws-sdk/credential-provider-env';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles only (an esbuild alias in
 * infra/constructs/lotse-function.ts; `npm start` runs the handlers with the real chain). Lambda
 * always hands a function its role's credentials in the environment, which is the first link of
 * the SDK's default chain; the other links (SSO, ini files, process, web identity, container and
 * instance metadata, with the STS and SSO clients they bring) can never answer there, yet made up
 * 134 kB of the 747 kB submit bundle (esbuild metafile, minified). This is the SDK's own `fromEnv`.
 */
export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}): AwsCredentialIdentityProvider =>
  fromEnv(init);
