/**
 * The cascade scenarios, as the API lists them (GET /api/cascade/scenarios): fetched once and
 * shared, so the names, descriptions, preset conditions and accepted ranges shown are always the
 * server's.
 */
import { useEffect, useState } from 'react';
import { fetchScenarios } from './client.ts';
import type { CascadeScenario, OperatingConditions, ScenarioList } from './types.ts';

export interface ScenarioOption {
  name: CascadeScenario;
  title: string;
  description: string;
  /** The preset's operating conditions. */
  conditions: OperatingConditions;
}

const EMPTY: ScenarioList = { scenarios: [], ranges: {} };
let loaded: ScenarioList = EMPTY;
let pending: Promise<ScenarioList> | null = null;

function load(): Promise<ScenarioList> {
  pending ??= fetchScenarios().then((r) => (loaded = r));
  return pending;
}

/** The scenario list and the ranges of the conditions; empty until the first fetch answers. */
export function useScenarioList(): ScenarioList {
  const [list, setList] = useState(loaded);
  useEffect(() => {
    if (list.scenarios.length) return;
    let live = true;
    load()
      .then((l) => live && setList(l))
      .catch(() => {
        pending = null;
      });
    return () => {
      live = false;
    };
  }, [list.scenarios.length]);
  return list;
}

/** The scenario list; empty until the first fetch answers. */
export function useScenarios(): readonly ScenarioOption[] {
  return useScenarioList().scenarios;
}

export function scenarioOption(name: string): ScenarioOption | null {
  return loaded.scenarios.find((s) => s.name === name) ?? null;
}
