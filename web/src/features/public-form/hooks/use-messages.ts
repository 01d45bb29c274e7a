import { useEffect, useState } from 'react';
import { loadMessages, type Messages, messagesFor, messagesLocale } from '../messages.ts';

/**
 * The page's words in a locale, or undefined while that language's chunk loads (German and
 * English are there at once). A failed load falls back to English rather than no page at all.
 */
export function useMessages(locale: string): Messages | undefined {
  const shipped = messagesLocale(locale);
  const [messages, setMessages] = useState<Messages | undefined>(() => loadedMessages(shipped));
  useEffect(() => {
    let current = true;
    const now = loadedMessages(shipped);
    setMessages(now);
    if (!now) {
      loadMessages(shipped).then(
        (loaded) => current && setMessages(loaded),
        () => current && setMessages(messagesFor('en')),
      );
    }
    return () => {
      current = false;
    };
  }, [shipped]);
  return messages;
}

/** The words of a shipped locale if its chunk is there already. */
function loadedMessages(shipped: string): Messages | undefined {
  const now = messagesFor(shipped);
  return now === messagesFor('en') && shipped !== 'en' ? undefined : now;
}
