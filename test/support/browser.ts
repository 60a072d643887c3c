/** Debian's Chromium, headless with software WebGL2 (SwiftShader), as every browser test runs it. */
import { chromium as playwright, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from './services.ts';

export function launchChromium(): Promise<Browser> {
  return playwright.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
    ],
  });
}
