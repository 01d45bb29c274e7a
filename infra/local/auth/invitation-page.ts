import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  brokenRules,
  type Lang,
  langOf,
  PASSWORD_RULES,
  type PasswordRule,
  texts,
} from './invitation-text.ts';
import { CognitoError, type LocalAuth } from './local-auth.ts';

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Fits a 390 px phone: one column, full-width fields, 44 px touch targets, visible focus.
const STYLE = `body{font-family:system-ui,sans-serif;margin:0;padding:1rem;color:#1a1a1a;background:#fff;line-height:1.5}
main{max-width:28rem;margin:0 auto}label{display:block;font-weight:600;margin-top:1rem}
input{box-sizing:border-box;width:100%;min-height:44px;font-size:1rem;padding:.5rem;border:1px solid #555;border-radius:4px}
button{margin-top:1.5rem;min-height:44px;width:100%;font-size:1rem;background:#0b5394;color:#fff;border:0;border-radius:4px}
:focus-visible{outline:3px solid #f4a100;outline-offset:2px}.errors{border:2px solid #b00020;padding:.5rem 1rem;margin:1rem 0}
.lang{text-align:right}a{color:#0b5394}`;

function page(lang: Lang, title: string, body: string, status = 200) {
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
  return { status, html };
}

function form(
  lang: Lang,
  username: string,
  problems: { missing: PasswordRule[]; mismatch: boolean } | undefined,
) {
  const t = texts[lang];
  const other: Lang = lang === 'de' ? 'en' : 'de';
  const errors = problems
    ? `<div class="errors" role="alert" tabindex="-1" id="errors"><h2>${t.errorsHeading}</h2><ul>${[
        ...(problems.missing.length > 0
          ? [`${t.missing} ${problems.missing.map((rule) => t.rules[rule]).join(', ')}`]
          : []),
        ...(problems.mismatch ? [t.mismatch] : []),
      ]
        .map((line) => `<li>${escapeHtml(line)}</li>`)
        .join('')}</ul></div>`
    : '';
  const invalid = problems ? ' aria-invalid="true"' : '';
  return page(
    lang,
    t.title,
    `<p class="lang"><a href="?lang=${other}" lang="${other}">${t.switchTo}</a></p>
<h1>${t.title}</h1><p>${escapeHtml(t.intro(username))}</p>${errors}
<form method="post" novalidate><input type="hidden" name="lang" value="${lang}">
<input type="text" name="username" autocomplete="username" value="${escapeHtml(username)}" hidden>
<label for="password">${t.password}</label>
<input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="rules"${invalid}>
<div id="rules"><p>${t.rulesHeading}</p><ul>${PASSWORD_RULES.map((rule) => `<li>${t.rules[rule.id]}</li>`).join('')}</ul></div>
<label for="confirm">${t.confirm}</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required${invalid}>
<button type="submit">${t.submit}</button></form>`,
    problems ? 422 : 200,
  );
}

function refused(lang: Lang, reason: 'unknown' | 'used' | 'expired') {
  const t = texts[lang];
  const message = reason === 'expired' ? t.expired : reason === 'used' ? t.used : t.invalid;
  return page(lang, t.invalid, `<h1>${message}</h1><p>${t.askAgain}</p>`, reason === 'unknown' ? 404 : 410);
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 8192) break;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * `/invitation/<token>`: the page an invitation mail links to. GET shows the form, POST sets the
 * password once and sends the person to the console to sign in. The token is never logged.
 */
export async function serveInvitation(
  auth: LocalAuth,
  request: IncomingMessage,
  response: ServerResponse,
  consoleUrl: string,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://local');
  const token = decodeURIComponent(url.pathname.slice('/invitation/'.length));
  const check = auth.invitations.check(token);
  const userLang = check.ok ? langOf(auth.getUser(check.username).locale) : 'de';
  const queryLang = url.searchParams.get('lang');
  let lang: Lang = queryLang ? langOf(queryLang) : userLang;
  const send = ({ status, html }: { status: number; html: string }, headers: Record<string, string> = {}) => {
    response.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // form-action also governs the redirect after the POST: the console is on another origin.
      'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${new URL(consoleUrl).origin}`,
      'x-frame-options': 'DENY',
      ...headers,
    });
    response.end(html);
  };
  if (!check.ok) return send(refused(lang, check.reason));
  if (request.method !== 'POST') return send(form(lang, check.username, undefined));
  const fields = await readForm(request);
  lang = langOf(fields.get('lang') ?? lang);
  const password = fields.get('password') ?? '';
  const missing = brokenRules(password);
  const mismatch = password !== (fields.get('confirm') ?? '');
  if (missing.length > 0 || mismatch) return send(form(lang, check.username, { missing, mismatch }));
  try {
    auth.acceptInvitation(token, password);
  } catch (error) {
    if (error instanceof CognitoError) return send(refused(lang, 'used'));
    throw error;
  }
  response.writeHead(303, { location: consoleUrl, 'cache-control': 'no-store' });
  response.end();
}
