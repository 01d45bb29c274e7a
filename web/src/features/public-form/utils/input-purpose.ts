/**
 * HTML autocomplete tokens for common personal fields (WCAG 1.3.5, Identify Input Purpose): phones
 * fill them in, which saves typing on a small keyboard. A UI schema can set `options.autocomplete`.
 */
const TOKENS: Readonly<Record<string, string>> = {
  firstname: 'given-name',
  givenname: 'given-name',
  vorname: 'given-name',
  lastname: 'family-name',
  familyname: 'family-name',
  surname: 'family-name',
  nachname: 'family-name',
  name: 'name',
  fullname: 'name',
  email: 'email',
  emailaddress: 'email',
  mail: 'email',
  phone: 'tel',
  phonenumber: 'tel',
  telephone: 'tel',
  tel: 'tel',
  mobile: 'tel',
  mobilephone: 'tel',
  street: 'street-address',
  streetaddress: 'street-address',
  address: 'street-address',
  postalcode: 'postal-code',
  postcode: 'postal-code',
  zip: 'postal-code',
  zipcode: 'postal-code',
  plz: 'postal-code',
  city: 'address-level2',
  town: 'address-level2',
  country: 'country-name',
  birthdate: 'bday',
  dateofbirth: 'bday',
  birthday: 'bday',
  dob: 'bday',
};

const lastName = (path: string) =>
  (
    path
      .split('.')
      .filter((s) => !/^\d+$/.test(s))
      .pop() ?? ''
  )
    .toLowerCase()
    .replace(/[^a-z]/g, '');

export function autocompleteFor(path: string, option: unknown): string | undefined {
  if (typeof option === 'string') return option;
  return TOKENS[lastName(path)];
}

export type TextInputType = 'text' | 'email' | 'tel' | 'url';

/** The input type for a string field: its format, or `tel` for phone numbers. */
export function textInputType(format: unknown, autocomplete: string | undefined): TextInputType {
  if (format === 'email') return 'email';
  if (format === 'uri') return 'url';
  if (format === 'tel' || autocomplete === 'tel') return 'tel';
  return 'text';
}

/** Parses what someone typed into a number field; a comma works as the decimal mark. */
export function parseNumber(text: string, integer: boolean): number | string | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const pattern = integer ? /^[-+]?\d+$/ : /^[-+]?(\d+\.?\d*|\.\d+)$/;
  // Unparseable text stays a string, so validation says what is wrong instead of losing it.
  return pattern.test(trimmed) ? Number(trimmed) : text;
}
