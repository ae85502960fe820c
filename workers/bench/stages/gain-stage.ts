// A light stage (multiply by 0.5): what is left to measure is the transport.
import { exposeStage } from '@ringflow/workers';
import { gainChain } from './kernels.js';

exposeStage((source) => source.pipe(gainChain()));
