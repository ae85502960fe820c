// Passes chunks through: what is left to measure is the transport (fresh arrays on both sides).
import type { Observable } from 'rxjs';
import { defineStage, exposeStage } from '@ringflow/workers';

export const identityStage = defineStage({ build: (source: Observable<Float32Array>) => source });
exposeStage(identityStage);
