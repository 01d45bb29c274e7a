import { useEffect, useState } from 'react';

/** The organisation as an admin set it up: name, logo, links, colour (GET /api/settings). */
export interface Organisation {
  readonly name: string;
  readonly logo?: { readonly url: string; readonly width: number; readonly height: number };
  readonly privacyUrl?: string;
  readonly imprintUrl?: string;
  readonly primaryColour?: string;
}

/** Loads the organisation's settings once; until then (or if that fails) the page shows the form's name. */
export function useOrganisation(): Organisation | undefined {
  const [organisation, setOrganisation] = useState<Organisation>();
  useEffect(() => {
    let current = true;
    fetch('/api/settings')
      .then((response) => (response.ok ? (response.json() as Promise<Organisation>) : undefined))
      .then(
        (loaded) => current && loaded && setOrganisation(loaded),
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, []);
  return organisation;
}
