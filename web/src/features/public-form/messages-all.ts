import { type Messages, messagesFor, registerMessages } from './messages.ts';
import ar from './messages-ar.ts';
import fa from './messages-fa.ts';
import ru from './messages-ru.ts';
import tr from './messages-tr.ts';
import uk from './messages-uk.ts';

/*
 * Every language's words at once, for the console (which shows applications and previews in any
 * language and is loaded lazily anyway) and for tests. The public page never imports this file.
 */
for (const [locale, messages] of Object.entries({ ar, fa, ru, tr, uk })) registerMessages(locale, messages);

export const messagesByLocale: Readonly<Record<string, Messages>> = {
  de: messagesFor('de'),
  en: messagesFor('en'),
  ar,
  uk,
  fa,
  tr,
  ru,
};

export * from './messages.ts';
