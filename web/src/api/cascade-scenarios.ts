/**
 * The cascade scenarios, as the API lists them (GET /api/cascade/scenarios): fetched once and
 * shared, so the names and descriptions shown are always the server's.
 */
import { useEffect, useState } from 'react';
import { fetchScenarios } from './client.ts';
import type { CascadeScenario } from './types.ts';

export interface ScenarioOption {
  name: CascadeScenario;
  title: string;
  description: string;
}

let loaded: readonly ScenarioOption[] = [];
let pending: Promise<readonly ScenarioOption[]> | null = null;

function load(): Promise<readonly ScenarioOption[]> {
  pending ??= fetchScenarios().then((r) => (loaded = r.scenarios));
  return pending;
}

/** The scenario list; empty until the first fetch answers. */
export function useScenarios(): readonly ScenarioOption[] {
  const [list, setList] = useState(loaded);
  useEffect(() => {
    if (list.length) return;
    let live = true;
    load()
      .then((l) => live && setList(l))
      .catch(() => {
        pending = null;
      });
    return () => {
      live = false;
    };
  }, [list.length]);
  return list;
}

export function scenarioOption(name: string): ScenarioOption | null {
  return loaded.find((s) => s.name === name) ?? null;
}
