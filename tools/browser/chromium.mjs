// Debian's chromium as every browser check starts it: playwright-core downloads no browser here, and the flags
// keep the browser from opening any connection of its own (updates, sync, background fetches).
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    timeout: 60000,
  });
}
