/** Loads the dataset summary and the layer catalogue, then shows the operations center. */
import { useCallback, useEffect, useState } from 'react';
import { fetchDataset, fetchLayers, isAbort } from './api/client.ts';
import type { DatasetInfo, LayerInfo } from './api/types.ts';
import { OpsCenter } from './OpsCenter.tsx';

type Boot =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; dataset: DatasetInfo; catalogue: LayerInfo[] };

export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);

  useEffect(() => {
    const ctl = new AbortController();
    setBoot({ state: 'loading' });
    Promise.all([fetchDataset(ctl.signal), fetchLayers(ctl.signal)]).then(
      ([dataset, layers]) => setBoot({ state: 'ready', dataset, catalogue: layers.layers }),
      (error: unknown) => {
        if (!isAbort(error))
          setBoot({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => ctl.abort();
  }, [attempt]);

  if (boot.state === 'ready') return <OpsCenter dataset={boot.dataset} catalogue={boot.catalogue} />;
  return (
    <div className="splash">
      <div className="brand">
        <span className="brand-mark">⚡</span> Flux Ops Center
      </div>
      {boot.state === 'loading' ? (
        <p className="dim">Loading dataset…</p>
      ) : (
        <>
          <p className="error">Cannot reach the API: {boot.message}</p>
          <button type="button" className="button" onClick={retry}>
            Retry
          </button>
        </>
      )}
    </div>
  );
}
