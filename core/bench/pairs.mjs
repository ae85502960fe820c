// One thread doing `pairs` write + read pairs of `block` float32 samples through a 65 536-element
// ring: the ring's own per-call cost. Meant for instruction counts, which are repeatable on a
// loaded machine where times are not: run it twice with two pair counts under callgrind and divide
// the difference by the difference of the counts (that cancels start-up and JIT warm-up):
//   valgrind --tool=callgrind --callgrind-out-file=/dev/null node core/bench/pairs.mjs ringflow 128 200000
// impl: ringflow | lean. Runs the built package (dist/), or the build that RINGFLOW_CORE names (a
// path to another build's dist/index.js, to count an older version the same way).
import { pathToFileURL } from 'node:url';
import { LeanRing } from './lean-ring.mjs';

const { RingBuffer } = await import(process.env.RINGFLOW_CORE ? pathToFileURL(process.env.RINGFLOW_CORE).href : '@ringflow/core');

const [impl = 'ringflow', blockArg = '128', pairsArg = '100000'] = process.argv.slice(2);
const block = Number(blockArg);
const pairs = Number(pairsArg);
const CAPACITY = 65_536;
const src = new Float32Array(block);
const dst = new Float32Array(block);
let checksum = 0;
if (impl === 'lean') {
  const ring = new LeanRing(LeanRing.storage(CAPACITY), CAPACITY);
  for (let i = 0; i < pairs; i++) {
    src[0] = i;
    ring.write(src);
    ring.read(dst);
    checksum += dst[0];
  }
} else if (impl === 'ringflow') {
  const ring = new RingBuffer({ format: 'f', capacity: CAPACITY });
  for (let i = 0; i < pairs; i++) {
    src[0] = i;
    ring.write(src);
    ring.read(dst);
    checksum += dst[0];
  }
} else {
  throw new Error(`unknown impl ${impl}`);
}
if (checksum !== (pairs * (pairs - 1)) / 2) throw new Error(`wrong checksum ${checksum}`);
