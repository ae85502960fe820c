import { createFftPlan, type FftPlan } from '../kernels/fft.js';

/** Plans kept per subscription (one per distinct frame length, the most recent ones). */
const PLAN_CACHE = 8;

/** Returns the cached real-FFT plan for `n`, creating it (and evicting the oldest) when needed. */
export function cachedPlan(plans: Map<number, FftPlan>, n: number): FftPlan {
  let plan = plans.get(n);
  if (plan === undefined) {
    plan = createFftPlan(n);
    if (plans.size >= PLAN_CACHE) plans.delete(plans.keys().next().value!);
    plans.set(n, plan);
  }
  return plan;
}
