/**
 * Test tiers that need an outside service (Chromium, PostgreSQL, NATS) check for it first. When
 * it is missing they skip with one line saying what is missing and how to get it — unless
 * FLUX_TEST_REQUIRE names the service (or is `all`, as in CI), which turns the skip into a failure.
 */
import { existsSync } from 'node:fs';

export interface ServiceCheck {
  name: string;
  available: boolean;
  howToGet: string;
}

export function required(name: string): boolean {
  const list = (process.env.FLUX_TEST_REQUIRE ?? '').split(',').map((s) => s.trim());
  return list.includes('all') || list.includes(name);
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromium(): ServiceCheck {
  return {
    name: 'chromium',
    available: existsSync(CHROMIUM_PATH),
    howToGet: 'apt-get install -y chromium (or set CHROMIUM_PATH)',
  };
}

/**
 * True when the tier should run. Prints the one-line skip notice, or throws under
 * FLUX_TEST_REQUIRE when the service is required but missing.
 */
export function serviceReady(check: ServiceCheck): boolean {
  if (check.available) return true;
  if (required(check.name)) {
    throw new Error(`${check.name} is required (FLUX_TEST_REQUIRE) but missing: ${check.howToGet}`);
  }
  console.warn(`skipping ${check.name} tests: ${check.name} not found — ${check.howToGet}`);
  return false;
}
