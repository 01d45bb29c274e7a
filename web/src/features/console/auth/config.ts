/** What the console needs from `/config.json` to sign in (written by the deployment or `npm start`). */
export interface ConsoleConfig {
  readonly organisationName: string;
  readonly oidc: {
    readonly authority: string;
    readonly clientId: string;
    readonly scope: string;
    /** Cognito's discovery has no end_session_endpoint; the deployment seeds its /logout. */
    readonly metadataSeed?: Readonly<Record<string, string>>;
    /** Cognito's /logout wants client_id and logout_uri instead of the standard parameters. */
    readonly logoutQueryParams?: Readonly<Record<string, string>>;
  };
}

let loaded: Promise<ConsoleConfig> | undefined;

export function loadConsoleConfig(): Promise<ConsoleConfig> {
  loaded ??= fetch('/config.json', { cache: 'no-cache' })
    .then((response) => {
      if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
      return response.json() as Promise<Partial<ConsoleConfig>>;
    })
    .then((raw) => {
      const oidc = raw.oidc;
      if (!oidc?.authority || !oidc.clientId) throw new Error('/config.json has no oidc settings');
      return {
        organisationName: raw.organisationName || 'Lotse',
        oidc: { ...oidc, scope: oidc.scope || 'openid email profile' },
      };
    });
  return loaded;
}
