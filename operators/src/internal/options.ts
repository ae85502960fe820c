import { describeValue } from './chunks.js';

/** Names of the main entry's options and the SciPy-style names that replace them in `./signal`. */
const HINTS: Readonly<Record<string, string>> = { type: 'btype', sampleRate: 'fs', zero_phase: 'zeroPhase', pass_zero: 'passZero' };

/**
 * Checks a `./signal` options object: `undefined` or a plain object whose keys are all in
 * `allowed`. An unknown key is a TypeError naming the function and the accepted names (with a hint
 * for the main entry's names, e.g. `type` -> `btype`), so a misspelt SciPy keyword never passes
 * silently.
 */
export function signalOptions<O extends object>(what: string, options: O | undefined, allowed: readonly string[]): Partial<O> {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options) || ArrayBuffer.isView(options)) {
    throw new TypeError(`${what}: options must be an object, got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      const hint = HINTS[key] !== undefined && allowed.includes(HINTS[key]) ? ` (did you mean ${HINTS[key]}?)` : '';
      throw new TypeError(`${what}: unknown option '${key}'${hint}; accepted: ${allowed.join(', ')}`);
    }
  }
  return options;
}

/** An optional boolean option (default `fallback`); TypeError naming it otherwise. */
export function booleanOption(what: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new TypeError(`${what}: ${name} must be a boolean, got ${describeValue(value)}`);
  return value;
}
