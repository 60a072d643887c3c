/**
 * Progress reporting for long CLI work: a bar on an interactive terminal, one line per stage
 * otherwise (so logs stay readable), nothing with --quiet.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** Starts or continues a stage; `fraction` in 0–1 of the whole job; `detail` shows on the bar only. */
  update(stage: string, fraction: number, detail?: string): void;
  stop(): void;
}

export function createProgress(job: string, quiet = false): Progress {
  if (quiet) return { update() {}, stop() {} };
  if (!process.stderr.isTTY) {
    let last = '';
    return {
      update(stage) {
        if (stage !== last) process.stderr.write(`${job}: ${stage}\n`);
        last = stage;
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${job} [{bar}] {percentage}% | {stage}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(100, 0, { stage: '' });
  return {
    update(stage, fraction, detail) {
      bar.update(Math.round(Math.max(0, Math.min(1, fraction)) * 100), {
        stage: detail ? `${stage} ${detail}` : stage,
      });
    },
    stop() {
      bar.stop();
    },
  };
}
