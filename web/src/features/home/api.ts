/** What the home page reads: the organisation's public settings and the published forms. */
export interface PublicSettings {
  readonly name: string;
  readonly logo?: { readonly url: string; readonly width: number; readonly height: number };
  readonly privacyUrl?: string;
  readonly imprintUrl?: string;
  readonly locales: readonly string[];
  readonly primaryColour: string;
}

export interface ListedForm {
  readonly slug: string;
  readonly title: Readonly<Record<string, string>>;
  readonly description?: Readonly<Record<string, string>>;
  readonly locales?: readonly string[];
  readonly defaultLocale?: string;
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

export async function loadHome(): Promise<{ settings: PublicSettings; forms: readonly ListedForm[] }> {
  const [settings, list] = await Promise.all([
    getJson<PublicSettings>('/api/settings'),
    getJson<{ forms: ListedForm[] }>('/api/forms'),
  ]);
  return { settings, forms: list.forms };
}
