// Finds Debian's (or any installed) Chromium and Firefox, and says how to install a missing one.
import { existsSync } from 'node:fs';

/**
 * Flags for Debian's Chromium here: as root it needs --no-sandbox; without the background-networking
 * flags it floods this closed network with refused connections.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
];

const CHROMIUM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];
const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export function findBrowsers() {
  return {
    chromium: [process.env.CHROME_PATH, ...CHROMIUM].find((p) => p && existsSync(p)),
    firefox: [process.env.FIREFOX_PATH, ...FIREFOX].find((p) => p && existsSync(p)),
  };
}

/** Human instructions for each missing browser; empty when both are there. */
export function missingBrowsers() {
  const { chromium, firefox } = findBrowsers();
  const missing = [];
  if (!chromium)
    missing.push(
      'Chromium was not found (looked for $CHROME_PATH, /usr/bin/chromium, google-chrome). Install it: `sudo apt-get install chromium` on Debian/Ubuntu, or set CHROME_PATH to a Chrome/Chromium binary.',
    );
  if (!firefox)
    missing.push(
      'Firefox was not found (looked for $FIREFOX_PATH, /usr/bin/firefox-esr, /usr/bin/firefox). Install it: `sudo apt-get install firefox-esr` on Debian, or set FIREFOX_PATH to a Firefox binary.',
    );
  return missing;
}
