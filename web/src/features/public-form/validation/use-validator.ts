import type { Ajv } from 'ajv';
import { useEffect, useState } from 'react';

export type ValidatorState = { readonly ajv?: Ajv; readonly failed: boolean };

/** Loads a validator once per `key`; `failed` when it could not be loaded (offline, 404). */
export function useValidator(key: string, load: () => Promise<Ajv>, attempt = 0): ValidatorState {
  const [state, setState] = useState<ValidatorState & { key?: string }>({ failed: false });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` loads; `attempt` retries
  useEffect(() => {
    let current = true;
    setState((before) => (before.key === key ? before : { failed: false }));
    load().then(
      (ajv) => current && setState({ key, ajv, failed: false }),
      () => current && setState({ key, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);
  return state.key === key ? state : { failed: false };
}

/** The console's ajv (preview, read-only answers): loaded on demand, never on the public page. */
export const loadBrowserAjv = () => import('./browser-ajv.ts').then((module) => module.browserAjv());
