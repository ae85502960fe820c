import { Subject } from 'rxjs';
import { offload } from '@ringflow/workers';
const stage = new URL('./stages/gain-stage.ts', import.meta.url);
for (const spinMicros of [0, 50, 200]) for (const transport of ['ring', 'message'] as const) {
  const source = new Subject<Float32Array>();
  let resolveOut: (() => void) | undefined;
  const sub = source.pipe(offload(stage, { transport, spinMicros })).subscribe(() => resolveOut?.());
  const chunk = new Float32Array(128);
  const times: number[] = [];
  for (let i = 0; i < 2200; i++) {
    const t0 = performance.now();
    await new Promise<void>((r) => { resolveOut = r; source.next(chunk); });
    if (i >= 200) times.push((performance.now() - t0) * 1000);
  }
  sub.unsubscribe();
  times.sort((a, b) => a - b);
  console.log(`${transport} spin ${spinMicros}: median ${times[1000]!.toFixed(1)} p90 ${times[1800]!.toFixed(1)} p99 ${times[1980]!.toFixed(1)}`);
  if (transport === 'message') break;
}
