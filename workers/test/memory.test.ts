// Memory stays bounded on every hop (measured in child processes: the peak resident memory of the
// whole process, all threads, against a baseline run of the same setup). Each scenario moves
// 40 000 chunks of 16 KiB (625 MiB): without bounds the queues would hold most of it (the code
// before this test held 860+ MiB at peak in both scenarios). The bound asserted is generous; no
// timing is measured.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./fixtures/memory-child.ts', import.meta.url));
const COUNT = 40_000;
/** MiB above the baseline a bounded run may use (queues of 64 MiB at most, rings of 512 KiB, garbage). */
const BOUND_MIB = 200;

interface Outcome {
  readonly received: number;
  readonly error?: string;
  readonly maxRssMiB: number;
  readonly droppedChunks: number;
}

function runChild(scenario: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--conditions=@ringflow/source', '--import', 'tsx', CHILD, scenario, String(COUNT)],
      { maxBuffer: 1 << 20, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error !== null) reject(new Error(`${scenario}: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split('\n').pop()!) as Outcome);
      },
    );
  });
}

describe('memory bounds', () => {
  let baseline: number | undefined;
  const overBaseline = async (outcome: Outcome): Promise<number> => {
    baseline ??= (await runChild('baseline')).maxRssMiB;
    return outcome.maxRssMiB - baseline;
  };

  it('holds back a stage that emits faster than the subscriber reads (the worker blocks)', async () => {
    const outcome = await runChild('worker-floods');
    expect(outcome.received).toBe(COUNT);
    expect(await overBaseline(outcome)).toBeLessThan(BOUND_MIB);
  });

  it("holds a fast main-thread source at maxQueuedBytes, then errors naming the option (overflow 'error')", async () => {
    const outcome = await runChild('main-floods-error');
    expect(outcome.received).toBe(-1);
    expect(outcome.error).toMatch(/maxQueuedBytes \(67108864\)/);
    expect(await overBaseline(outcome)).toBeLessThan(BOUND_MIB);
  });

  it("drops and counts what does not fit (overflow 'drop-newest')", async () => {
    const outcome = await runChild('main-floods-drop-newest');
    expect(outcome.droppedChunks).toBeGreaterThan(0);
    expect(outcome.received + outcome.droppedChunks).toBe(COUNT);
    expect(await overBaseline(outcome)).toBeLessThan(BOUND_MIB);
  });

  it("blocks the main thread until the stage keeps up, losing nothing (overflow 'block')", async () => {
    const outcome = await runChild('main-floods-block');
    expect(outcome.received).toBe(COUNT);
    expect(outcome.droppedChunks).toBe(0);
    expect(await overBaseline(outcome)).toBeLessThan(BOUND_MIB);
  });
});
