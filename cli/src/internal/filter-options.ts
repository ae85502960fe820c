// The filter options that `analyze` and `filter` share, declared once.
import { Option, type Command } from 'commander';
import { FILTER_DESIGNS, type FilterOptions } from './filter-design.js';
import { band, integerIn, oneOf, positiveNumber } from './parse.js';

/** Adds --highpass, --lowpass, --bandpass, --bandstop, --design, --order, --ripple, --attenuation. */
export function addFilterOptions(command: Command, defaults: { highpass?: number }): Command {
  const highpass = new Option('--highpass <Hz>', 'high-pass cutoff in Hz (0: none)').argParser((text) => (text.trim() === '0' ? 0 : positiveNumber(text)));
  if (defaults.highpass !== undefined) highpass.default(defaults.highpass);
  return command
    .addOption(highpass)
    .addOption(new Option('--lowpass <Hz>', 'low-pass cutoff in Hz (with --highpass: a band-pass)').argParser(positiveNumber))
    .addOption(new Option('--bandpass <low,high>', 'band-pass edges in Hz').argParser(band))
    .addOption(new Option('--bandstop <low,high>', 'band-stop edges in Hz').argParser(band))
    .addOption(new Option('--design <family>', 'IIR family').choices(FILTER_DESIGNS).default('butter'))
    .addOption(new Option('--order <n>', 'filter order (1 to 20; band filters have twice as many poles)').argParser(integerIn(1, 20)).default(4))
    .addOption(new Option('--ripple <dB>', 'pass-band ripple in dB (cheby1, ellip)').argParser(positiveNumber).default(1))
    .addOption(new Option('--attenuation <dB>', 'stop-band attenuation in dB (cheby2, ellip)').argParser(positiveNumber).default(60));
}

/** The parsed filter options, as `designFilter` takes them (a 0 Hz high-pass means none). */
export function filterOptionsOf(opts: Record<string, unknown>): FilterOptions {
  const highpass = opts['highpass'] as number | undefined;
  return {
    highpass: highpass === 0 ? undefined : highpass,
    lowpass: opts['lowpass'] as number | undefined,
    bandpass: opts['bandpass'] as [number, number] | undefined,
    bandstop: opts['bandstop'] as [number, number] | undefined,
    design: opts['design'] as FilterOptions['design'],
    order: opts['order'] as number,
    ripple: opts['ripple'] as number,
    attenuation: opts['attenuation'] as number,
  };
}

/** The sample formats a command can write. */
export const WAV_FORMATS = ['uint8', 'int16', 'int24', 'int32', 'float32', 'float64'] as const;

/** Adds --format (the output's sample format; default: the input's). */
export function addFormatOption(command: Command): Command {
  return command.addOption(new Option('--format <format>', "output sample format (default: the input's)").argParser(oneOf(WAV_FORMATS)));
}
