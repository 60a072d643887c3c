/** Debian's Chromium, headless with software WebGL2 (SwiftShader), as every browser test runs it. */
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
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

/** Waits until the map is ready and has drawn the grid layers (window.__flux, see web/src/map/flux-global.ts). */
export async function waitForGrid(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const flux = (window as unknown as { __flux?: { ready: boolean; gridLoaded(): boolean } }).__flux;
      return flux?.ready === true && flux.gridLoaded();
    },
    null,
    { timeout },
  );
}
