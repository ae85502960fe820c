// `ringflow analyze [input.wav]`: the main job. Filters and analyses a WAV file (or the built-in
// signal) with the filter and the STFT on worker threads; prints tones, levels, speed and ring
// statistics; writes spectrogram.png, filtered.wav and report.json into --out.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Option, type Command } from 'commander';
import type { WavFormatName } from '@ringflow/io';
import { hann } from '@ringflow/operators';
import { runAnalysis, type AnalysisResult } from '../internal/analysis.js';
import { dbfs, toJson, type CommandContext } from '../internal/command-context.js';
import { detectTones, type Tone } from '../internal/detect-tones.js';
import { usageError } from '../internal/errors.js';
import { designFilter } from '../internal/filter-design.js';
import { addFilterOptions, addFormatOption, filterOptionsOf } from '../internal/filter-options.js';
import { builtinInput, formatDuration, openWavInput, type Input } from '../internal/input.js';
import { prepareOutputDir } from '../internal/output-dir.js';
import { finiteNumber, integerIn, positiveNumber, powerOfTwo } from '../internal/parse.js';
import { Progress, progressMode } from '../internal/progress.js';
import { channelNames, spectrogramPng } from '../internal/spectrogram-image.js';
import { VERSION } from '../internal/version.js';

const CALL = 'ringflow analyze';

/** The report written to report.json (and printed by --json). */
export interface AnalyzeReport {
  /** The version of `@ringflow/cli` that wrote it. */
  readonly ringflow: string;
  readonly command: 'analyze';
  /** What was analysed: the file (or `'builtin'`, or the ZeroMQ endpoint), its header fields, frames read. */
  readonly input: { source: string; description: string; sampleRate: number; channels: number; frames: number; duration: number; format: string; truncated: boolean };
  /** STFT frame size and hop (samples), bin width (Hz), the filter (its description and second-order sections), where the stages ran. */
  readonly settings: { fftSize: number; hop: number; window: 'hann'; binHz: number; filter: string | null; sos: number[][] | null; threads: 'workers' | 'main' };
  /** Per channel (1-based): RMS and peak of the input in dBFS (null for silence), samples at full scale, the tones found after the filter. */
  readonly channels: { channel: number; name: string; rmsDbfs: number; peakDbfs: number; clipped: number; tones: Tone[] }[];
  /** Wall-clock seconds (worker start-up included), audio seconds per second, spectra computed, the process's peak RSS. */
  readonly timing: { seconds: number; realtimeFactor: number; spectra: number; maxRssMiB: number };
  /** Ring statistics of the filter and spectrum workers (empty with `--in-thread`). */
  readonly rings: AnalysisResult['rings'];
  /** Absolute paths of the files written, and the filtered samples clipped to the output format's range. */
  readonly outputs: { spectrogram: string; filtered: string; report: string; filteredClipped: number };
}

/** Adds the analysis options (FFT, tones, filter, threads, output) that `analyze` and `receive --analyze` share. */
export function addAnalysisOptions(command: Command): Command {
  command
    .addOption(new Option('-o, --out <dir>', 'output folder').default('ringflow-out'))
    .addOption(new Option('--fft-size <samples>', 'STFT frame size in samples, a power of two from 256 to 65536').argParser(powerOfTwo(256, 65_536)).default(4096))
    .addOption(new Option('--hop <samples>', 'samples between STFT frames, 1 to the FFT size (default: FFT size / 4)').argParser(integerIn(1, 65_536)))
    .addOption(new Option('--min-level <dBFS>', 'ignore tones below this level in dBFS').argParser(finiteNumber).default(-60))
    .addOption(new Option('--prominence <dB>', 'a tone stands this many dB above the spectrum around it').argParser(positiveNumber).default(20))
    .addOption(new Option('--max-tones <n>', 'report at most this many tones per channel (the loudest)').argParser(integerIn(1, 1000)).default(10))
    .addOption(new Option('--in-thread', 'run the filter and the STFT on the main thread instead of two workers'))
    .addOption(new Option('--json', 'print the report as JSON on stdout instead of the summary'))
    .addOption(new Option('-q, --quiet', 'no progress on stderr'));
  addFilterOptions(command, { highpass: 20 });
  return addFormatOption(command);
}

export function registerAnalyze(program: Command, context: CommandContext): void {
  const command = program
    .command('analyze')
    .description('filter and analyse a WAV file (default: a built-in test signal) on worker threads; writes spectrogram.png, filtered.wav and report.json')
    .argument('[input]', 'WAV file to analyse (default: a built-in 10 s stereo signal with tones at known levels, a chirp and pink noise)')
    .addOption(new Option('--duration <seconds>', 'length of the built-in signal in s (without an input)').argParser(positiveNumber).default(10))
    .addOption(new Option('--chunk <frames>', 'frames per chunk read from the input').argParser(integerIn(16, 1 << 20)).default(4096));
  addAnalysisOptions(command);
  command.action(async (inputPath: string | undefined, opts: Record<string, unknown>, cmd: Command) => {
    if (inputPath !== undefined && cmd.getOptionValueSource('duration') === 'cli') throw usageError(`${CALL}: --duration sets the length of the built-in signal; it cannot shorten an input file`);
    const input: Input = inputPath === undefined ? builtinInput(opts['duration'] as number) : await openWavInput(CALL, inputPath);
    await analyzeInput(context, CALL, input, opts, { title: inputPath ?? 'Built-in signal', chunkFrames: opts['chunk'] as number });
  });
}

/**
 * Analyses `input` with the analysis options `opts`: runs the pipeline, finds the tones, writes
 * spectrogram.png, filtered.wav and report.json into `--out`, prints the summary (or --json).
 */
export async function analyzeInput(context: CommandContext, call: string, input: Input, opts: Record<string, unknown>, what: { title: string; chunkFrames: number }): Promise<AnalyzeReport> {
  const fftSize = opts['fftSize'] as number;
  const hop = (opts['hop'] as number | undefined) ?? fftSize / 4;
  if (hop > fftSize) throw usageError(`${call}: --hop (${hop}) must not exceed --fft-size (${fftSize})`);
  const filter = designFilter(call, filterOptionsOf(opts), input.sampleRate);
  const outDir = prepareOutputDir(call, opts['out'] as string);
  const paths = { spectrogram: join(outDir, 'spectrogram.png'), filtered: join(outDir, 'filtered.wav'), report: join(outDir, 'report.json') };
  const threads = opts['inThread'] === true ? 'main' : 'workers';

  if (opts['json'] !== true) {
    context.out(`${call}: ${input.description}\n`);
    context.out(`${filter === null ? 'no filter' : filter.description}; STFT ${fftSize}-point Hann, hop ${hop}; ${threads === 'workers' ? 'filter and STFT on two worker threads' : 'everything on the main thread'}\n`);
  }
  const progress = new Progress({ label: call.replace(/^ringflow /, ''), totalSeconds: input.duration, mode: progressMode(opts['quiet'] === true, context.errStream), stream: context.errStream });
  const result = await runAnalysis(input, {
    fftSize,
    hop,
    sos: filter?.sos ?? null,
    filteredPath: paths.filtered,
    filteredFormat: (opts['format'] as WavFormatName | undefined) ?? input.format,
    inThread: threads === 'main',
    chunkFrames: what.chunkFrames,
    progress,
  });
  // Frames that came in (a stream's length is known only now).
  const frames = result.wav.frames;
  const duration = frames / input.sampleRate;

  const window = hann(fftSize, { sym: false });
  let windowSum = 0;
  let windowEnergy = 0;
  for (const w of window) {
    windowSum += w;
    windowEnergy += w * w;
  }
  const names = channelNames(input.channels);
  const channels = result.levels.map((levels, c) => ({
    channel: c + 1,
    name: names[c]!,
    rmsDbfs: levels.rmsDbfs,
    peakDbfs: levels.peakDbfs,
    clipped: levels.clipped,
    tones: detectTones(result.spectra.meanPower(c), {
      sampleRate: input.sampleRate,
      fftSize,
      windowEnergy,
      minLevel: opts['minLevel'] as number,
      minProminence: opts['prominence'] as number,
      maxTones: opts['maxTones'] as number,
    }),
  }));
  const image = spectrogramPng(result.spectra, { sampleRate: input.sampleRate, fftSize, hop, windowSum, channelNames: names, title: what.title });
  writeFileSync(paths.spectrogram, image.png);

  const report: AnalyzeReport = {
    ringflow: VERSION,
    command: 'analyze',
    input: { source: input.source, description: input.description, sampleRate: input.sampleRate, channels: input.channels, frames, duration, format: input.format, truncated: input.truncated },
    settings: { fftSize, hop, window: 'hann', binHz: input.sampleRate / fftSize, filter: filter?.description ?? null, sos: filter?.sos ?? null, threads },
    channels,
    timing: { seconds: result.seconds, realtimeFactor: duration / result.seconds, spectra: result.spectra.frames, maxRssMiB: process.resourceUsage().maxRSS / 1024 },
    rings: result.rings,
    outputs: { ...paths, filteredClipped: result.wav.clipped },
  };
  writeFileSync(paths.report, `${toJson(report)}\n`);
  context.out(opts['json'] === true ? `${toJson(report)}\n` : summary(report, image));
  return report;
}

/** The summary printed at the end. */
function summary(report: AnalyzeReport, image: { width: number; height: number }): string {
  const lines: string[] = [''];
  const nameWidth = Math.max(7, ...report.channels.map((c) => c.name.length));
  lines.push(`${'channel'.padEnd(nameWidth)}  ${'RMS'.padStart(10)}  ${'peak'.padStart(10)}  clipped`);
  for (const c of report.channels) lines.push(`${c.name.padEnd(nameWidth)}  ${dbfs(c.rmsDbfs).padStart(10)}  ${dbfs(c.peakDbfs).padStart(10)}  ${c.clipped}`);
  lines.push('', `tones (frequency within ${(report.settings.binHz / 2).toFixed(1)} Hz, level of the sine):`);
  for (const c of report.channels) {
    if (c.tones.length === 0) lines.push(`  ${c.name.padEnd(nameWidth)}  none above the threshold`);
    for (const t of c.tones) lines.push(`  ${c.name.padEnd(nameWidth)}  ${t.frequency.toFixed(1).padStart(9)} Hz  ${dbfs(t.levelDbfs).padStart(10)}`);
  }
  const { seconds, realtimeFactor, spectra } = report.timing;
  lines.push('', `${formatDuration(report.input.duration)} of audio in ${seconds.toFixed(2)} s: ${realtimeFactor.toFixed(0)}x realtime, ${spectra} spectra, peak memory ${report.timing.maxRssMiB.toFixed(0)} MiB`);
  for (const [name, s] of Object.entries(report.rings)) {
    if (s === undefined) continue;
    lines.push(`${name} worker: ring fill up to ${(100 * s.maxInputFill).toFixed(0)}% in, ${(100 * s.maxOutputFill).toFixed(0)}% out; ${s.overruns} waits for room (backpressure), ${s.droppedChunks} dropped; busy ${s.busyMs.toFixed(0)} ms`);
  }
  if (report.outputs.filteredClipped > 0) lines.push(`warning: ${report.outputs.filteredClipped} samples of the filtered audio were clipped to the ${report.input.format} range`);
  const show = (path: string): string => {
    const rel = relative(process.cwd(), path);
    return rel.startsWith('..') ? path : rel;
  };
  lines.push('', 'wrote', `  ${show(report.outputs.spectrogram)}  (${image.width}x${image.height} PNG)`, `  ${show(report.outputs.filtered)}`, `  ${show(report.outputs.report)}`, '');
  return lines.join('\n');
}
