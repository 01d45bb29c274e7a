import type { Page } from 'playwright-core';

/** Fills the required answers of the shipped volunteer registration on its public page. */
export async function fillRegistration(page: Page, email = 'ahmad@example.org') {
  await page.locator('#field-firstName').fill('Ahmad');
  await page.locator('#field-lastName').fill('Haddad');
  await page.locator('#field-email').fill(email);
  await page.locator('#field-postalCode').fill('50667');
  await page.locator('#field-languages-0-language').selectOption('ar');
  await page.locator('#field-languages-0-level').check();
  await page.locator('#field-availabilityDays').check();
  await page.locator('#field-motivation').fill('Ich spreche Arabisch und Deutsch.');
  await page.locator('#field-consent').check();
}
