/**
 * Search by name or e-mail with prefix queries: each submission gets one small item per term
 * (its e-mail address and each token of its name), folded so that "mül", "Mul" and "MÜL" all find
 * "Müller". Pure: no AWS.
 */

/** Lower case, diacritics removed, ß as ss: what is stored and what is looked up. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o');
}

/** Terms shorter than this are not looked up (too many matches to be useful). */
export const MIN_TERM_LENGTH = 2;
const MAX_TERM_LENGTH = 100;

/** Splits a name into folded tokens: letters and digits, in any script. */
export const nameTokens = (name: string): string[] =>
  fold(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length >= MIN_TERM_LENGTH)
    .map((token) => token.slice(0, MAX_TERM_LENGTH));

/** The terms a submission is found by: the e-mail address whole, and each name token. */
export function searchTerms(name: string | undefined, email: string | undefined): string[] {
  const terms = new Set<string>(name ? nameTokens(name) : []);
  if (email) terms.add(fold(email.trim()).slice(0, MAX_TERM_LENGTH));
  return [...terms];
}

/**
 * What a query looks up: an e-mail address (anything with `@`) is one term; otherwise each word is
 * a token. The longest is queried on the index, the others must match the entry as well.
 */
export function parseQuery(q: string): string[] {
  const folded = fold(q.trim());
  if (folded.includes('@')) return [folded.slice(0, MAX_TERM_LENGTH)];
  return [...new Set(nameTokens(q))].sort((a, b) => b.length - a.length);
}

/** Whether an application's own terms match every term of a query (each as a prefix of one). */
export const matchesAll = (terms: readonly string[], own: readonly string[]): boolean =>
  terms.every((term) => own.some((candidate) => candidate.startsWith(term)));
