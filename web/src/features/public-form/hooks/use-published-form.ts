import { useCallback, useEffect, useState } from 'react';
import { getPublishedForm } from '../api/get-published-form.ts';
import type { PublishedForm } from '../api/types.ts';
import { chooseLocale, firstGuess, normaliseLocale } from '../utils/choose-locale.ts';
import { browserStore } from '../utils/draft-storage.ts';

export type FormStatus = 'loading' | 'ready' | 'not-found' | 'failed';

const preferredLanguages = () => (typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? [])]);

/** `?lang=xx` in the address (a language code only: the URL never carries personal data). */
function requestedLocale(): string | undefined {
  return normaliseLocale(new URLSearchParams(window.location.search).get('lang'));
}

function rememberLocale(locale: string) {
  const url = new URL(window.location.href);
  url.searchParams.set('lang', locale);
  window.history.replaceState(window.history.state, '', url);
}

/**
 * Loads the published form in the visitor's language: `?lang`, else the first of the browser's
 * languages the form offers, else its default. A switch keeps the old form on screen until the
 * new language has arrived.
 */
export function usePublishedForm(slug: string) {
  const [explicit, setExplicit] = useState(requestedLocale);
  const [locale, setLocale] = useState(() => firstGuess(explicit, preferredLanguages()));
  const [form, setForm] = useState<PublishedForm>();
  const [status, setStatus] = useState<FormStatus>('loading');
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the reload trigger
  useEffect(() => {
    const controller = new AbortController();
    setStatus('loading');
    getPublishedForm(slug, locale, browserStore(), controller.signal).then(
      (result) => {
        if (result.kind !== 'ok') return setStatus(result.kind);
        const best = chooseLocale({
          requested: explicit,
          preferred: preferredLanguages(),
          available: result.form.locales,
          defaultLocale: result.form.defaultLocale,
        });
        // The first guess was not offered: ask again, once, for the best the form has.
        if (best !== result.form.locale && best !== locale) return setLocale(best);
        setForm(result.form);
        setStatus('ready');
      },
      () => undefined, // aborted: a newer request is on its way
    );
    return () => controller.abort();
  }, [slug, locale, explicit, attempt]);

  const switchLocale = useCallback((next: string) => {
    rememberLocale(next);
    setExplicit(next);
    setLocale(next);
  }, []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return { form, status, locale: form?.locale ?? locale, switchLocale, reload };
}
