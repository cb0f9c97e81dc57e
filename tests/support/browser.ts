import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether browser tests can run here. Without Chromium they are skipped with a
 * message saying how to install it, unless ATELIER_REQUIRE_BROWSER=1 makes that a failure.
 */
export function browserAvailability(): { available: boolean; reason?: string } {
  if (existsSync(CHROMIUM)) return { available: true };
  const reason = `${CHROMIUM} is missing: install it with "apt-get install -y chromium" to run the browser tests`;
  if (process.env.ATELIER_REQUIRE_BROWSER === '1') {
    throw new Error(`${reason} (ATELIER_REQUIRE_BROWSER=1 requires them)`);
  }
  console.warn(`⚠ Browser tests skipped: ${reason}.`);
  return { available: false, reason };
}

/**
 * Headless Debian Chromium. Playwright gives it a fresh temporary profile and
 * deletes it on close; each `newContext()` is a separate, cookie-less browser.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
