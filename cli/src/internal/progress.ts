// Progress of a long command on stderr: a cli-progress bar on a terminal (percentage, realtime
// factor, ETA), plain lines every 10 % otherwise (logs, CI, pipes), nothing with --quiet.
import { Presets, SingleBar } from 'cli-progress';

/** Options of {@link Progress}. */
export interface ProgressOptions {
  /** The word in front (`analyze`). */
  readonly label: string;
  /** Audio seconds in all (0 or unknown: no percentage). */
  readonly totalSeconds: number;
  /** `'bar'` on a terminal, `'lines'` off it, `'none'` for --quiet. */
  readonly mode: 'bar' | 'lines' | 'none';
  readonly stream?: NodeJS.WriteStream;
}

/** Chooses the mode for stderr: a bar on a TTY, lines otherwise, none when quiet. */
export function progressMode(quiet: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressOptions['mode'] {
  if (quiet) return 'none';
  return stream.isTTY === true ? 'bar' : 'lines';
}

/** Reports how many audio seconds are done and how fast. */
export class Progress {
  readonly #options: ProgressOptions;
  readonly #stream: NodeJS.WriteStream;
  readonly #start = performance.now();
  #bar: SingleBar | undefined;
  #nextLine = 10;
  #lastDraw = 0;

  constructor(options: ProgressOptions) {
    this.#options = options;
    this.#stream = options.stream ?? process.stderr;
    if (options.mode === 'bar') {
      this.#bar = new SingleBar(
        {
          format: `${options.label} {bar} {percentage}% | {done} of {total_s} s | {speed}x realtime | ETA {eta_formatted}`,
          stream: this.#stream,
          hideCursor: true,
          etaBuffer: 40,
          synchronousUpdate: true,
          fps: 10,
        },
        Presets.shades_classic,
      );
      this.#bar.start(Math.max(1, Math.round(options.totalSeconds * 1000)), 0, { done: '0.0', total_s: options.totalSeconds.toFixed(1), speed: '-' });
    }
  }

  /** The realtime factor so far for `doneSeconds` of audio. */
  speed(doneSeconds: number): number {
    const elapsed = (performance.now() - this.#start) / 1000;
    return elapsed > 0 ? doneSeconds / elapsed : 0;
  }

  /** `doneSeconds` of audio are processed. Cheap to call often. */
  update(doneSeconds: number): void {
    const { mode, totalSeconds, label } = this.#options;
    if (mode === 'none') return;
    const now = performance.now();
    if (mode === 'bar') {
      if (now - this.#lastDraw < 50 && doneSeconds < totalSeconds) return;
      this.#lastDraw = now;
      this.#bar!.update(Math.round(doneSeconds * 1000), { done: doneSeconds.toFixed(1), speed: this.speed(doneSeconds).toFixed(0) });
      return;
    }
    if (totalSeconds <= 0) return;
    const percent = (100 * doneSeconds) / totalSeconds;
    if (percent + 1e-9 < this.#nextLine) return;
    while (this.#nextLine <= percent + 1e-9) this.#nextLine += 10;
    const speed = this.speed(doneSeconds);
    const eta = speed > 0 ? (totalSeconds - doneSeconds) / speed : 0;
    this.#stream.write(`${label}: ${Math.min(100, Math.floor(percent))}% (${doneSeconds.toFixed(1)} of ${totalSeconds.toFixed(1)} s), ${speed.toFixed(0)}x realtime, ETA ${eta.toFixed(1)} s\n`);
  }

  /** Ends the bar (leaves it on screen). */
  stop(): void {
    this.#bar?.stop();
    this.#bar = undefined;
  }
}
