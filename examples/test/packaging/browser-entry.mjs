// Bundled with esbuild --platform=browser: the main entries must need no Node built-ins.
import { RingBuffer } from '@ringflow/core';
import { fromRing, gain } from '@ringflow/operators';
import { createFirState } from '@ringflow/operators/kernels';
import { offload } from '@ringflow/workers';
import { createRingReader } from '@ringflow/workers/worklet';
globalThis.ringflow = { RingBuffer, fromRing, gain, createFirState, offload, createRingReader };
