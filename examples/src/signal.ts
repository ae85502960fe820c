/** The demo's test signal: a 440 Hz + 1 kHz tone pair at 48 kHz, a function of the sample index alone. */
export const SAMPLE_RATE = 48_000;

/** Both tones repeat exactly every 2400 samples at 48 kHz (22 and 50 cycles), so one period is tabled. */
const PERIOD = 2400;
const table = new Float32Array(PERIOD);
for (let n = 0; n < PERIOD; n++) {
  table[n] = 0.5 * Math.sin((2 * Math.PI * 440 * n) / SAMPLE_RATE) + 0.25 * Math.sin((2 * Math.PI * 1000 * n) / SAMPLE_RATE);
}

/** Fills `out` with the signal's samples `start .. start + out.length`. */
export function fillSignal(out: Float32Array, start: number): void {
  let k = start % PERIOD;
  for (let i = 0; i < out.length; i++) {
    out[i] = table[k]!;
    if (++k === PERIOD) k = 0;
  }
}
