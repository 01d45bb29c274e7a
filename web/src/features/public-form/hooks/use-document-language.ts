import { useEffect } from 'react';

/** Sets `<html lang dir>` and the title for the page's language; restores them when it leaves. */
export function useDocumentLanguage(locale: string, direction: 'ltr' | 'rtl', title?: string) {
  useEffect(() => {
    const html = document.documentElement;
    const before = { lang: html.lang, dir: html.dir, title: document.title };
    html.lang = locale;
    html.dir = direction;
    if (title) document.title = title;
    return () => {
      html.lang = before.lang;
      html.dir = before.dir;
      document.title = before.title;
    };
  }, [locale, direction, title]);
}
