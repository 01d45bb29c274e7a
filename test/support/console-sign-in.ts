import type { Page } from 'playwright-core';

/**
 * Signs in on the local OpenID provider's page the browser was sent to (German or English labels)
 * and waits until it is back in the console.
 */
export async function signInOnProviderPage(page: Page, username: string, password: string): Promise<void> {
  await page.waitForURL(/\/interaction\//);
  await page.getByLabel(/^(Benutzername oder E-Mail-Adresse|Username or e-mail address)$/).fill(username);
  await page.getByLabel(/^(Passwort|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Anmelden|Sign in)$/ }).click();
  await page.waitForURL(/\/console(\/|$)/);
}
