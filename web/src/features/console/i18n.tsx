import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { type ConsoleLocale, type ConsoleMessages, messages } from './messages.ts';

const STORAGE_KEY = 'lotse:console-locale';

interface LocaleState {
  readonly locale: ConsoleLocale;
  readonly t: ConsoleMessages;
  setLocale(locale: ConsoleLocale): void;
}

const LocaleContext = createContext<LocaleState | undefined>(undefined);

/** A stored choice first, then the browser's languages; German when neither says. */
export function initialLocale(): ConsoleLocale {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored === 'de' || stored === 'en') return stored;
  for (const tag of navigator.languages ?? []) {
    const language = tag.slice(0, 2);
    if (language === 'de' || language === 'en') return language;
  }
  return 'de';
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<ConsoleLocale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = 'ltr';
    window.localStorage.setItem(STORAGE_KEY, locale);
  }, [locale]);
  const value = useMemo(() => ({ locale, t: messages[locale], setLocale }), [locale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useConsoleText(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useConsoleText outside LocaleProvider');
  return state;
}
