// A built JavaScript stage, as a user ships it in production.
import { defineStage, exposeStage } from '@ringflow/workers';
import { gain } from '@ringflow/operators';

export const doubler = defineStage({ params: {}, build: (source) => source.pipe(gain(2)) });
exposeStage(doubler);
