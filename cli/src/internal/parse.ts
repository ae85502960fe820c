// Parsers for option values: each returns the value or throws commander's InvalidArgumentError,
// whose message commander prints after the option's name (exit code 2).
import { InvalidArgumentError } from 'commander';

function number(text: string): number {
  const trimmed = text.trim();
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(value)) throw new InvalidArgumentError(`expected a number, got '${text}'.`);
  return value;
}

/** A finite number > 0 (a frequency in Hz, a duration in s). */
export function positiveNumber(text: string): number {
  const value = number(text);
  if (value <= 0) throw new InvalidArgumentError(`expected a number greater than 0, got '${text}'.`);
  return value;
}

/** A finite number (a level in dB may be negative). */
export function finiteNumber(text: string): number {
  return number(text);
}

/** An integer from `min` to `max`. */
export function integerIn(min: number, max: number): (text: string) => number {
  return (text) => {
    const value = number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}, got '${text}'.`);
    }
    return value;
  };
}

/** A power of two from `min` to `max` (an FFT size). */
export function powerOfTwo(min: number, max: number): (text: string) => number {
  return (text) => {
    const value = number(text);
    if (!Number.isInteger(value) || value < min || value > max || (value & (value - 1)) !== 0) {
      throw new InvalidArgumentError(`expected a power of two from ${min} to ${max}, got '${text}'.`);
    }
    return value;
  };
}

/** Two positive numbers `lo,hi` with lo < hi (a band edge pair in Hz). */
export function band(text: string): [number, number] {
  const parts = text.split(',');
  if (parts.length !== 2) throw new InvalidArgumentError(`expected two frequencies 'low,high' in Hz, got '${text}'.`);
  const [lo, hi] = parts.map((part) => positiveNumber(part)) as [number, number];
  if (!(lo < hi)) throw new InvalidArgumentError(`expected low < high, got '${text}'.`);
  return [lo, hi];
}

/** One of `choices`. */
export function oneOf<T extends string>(choices: readonly T[]): (text: string) => T {
  return (text) => {
    if (!(choices as readonly string[]).includes(text)) {
      throw new InvalidArgumentError(`expected one of ${choices.join(', ')}, got '${text}'.`);
    }
    return text as T;
  };
}
