/**
 * `@ringflow/operators/signal`: scipy.signal's whole-array functions, in camelCase.
 *
 * @remarks
 * `import * as signal from '@ringflow/operators/signal'` reads like `scipy.signal`: SciPy's required
 * parameters stay positional, in SciPy's order; its keyword parameters go in one trailing options
 * object under their SciPy names in camelCase; the defaults are SciPy's. Input of shape
 * `[frames, channels]` is processed along frames (SciPy's `axis=0`). Results are typed arrays, or
 * objects of them; complex results are `{ re, im }` pairs of Float64Arrays. Each function shares its
 * algorithm with the streaming operator of the same name.
 *
 * @packageDocumentation
 */
export {};
