// `ringflow send <input.wav> <endpoint>` and `ringflow receive <endpoint>`: a WAV file over a
// ZeroMQ edge (ringflow's wire or GNU Radio's), and the receiving end that writes a WAV file and/or
// runs the analysis on what arrives. `@ringflow/io/zmq` (and zeromq) load only for these two.
import { Option, type Command } from 'commander';
import { lastValueFrom, Observable, Subject, tap } from 'rxjs';
import { asMultichannel, type MultichannelChunk } from '@ringflow/core';
import { toWavFile, type WavFileStats, type WavFormatName } from '@ringflow/io';
import type { ZmqReceiver } from '@ringflow/io/zmq';
import type { CommandContext } from '../internal/command-context.js';
import { inputError, usageError } from '../internal/errors.js';
import { formatDuration, openWavInput, type Input } from '../internal/input.js';
import { checkOutputFile } from '../internal/output-dir.js';
import { integerIn, oneOf, positiveNumber } from '../internal/parse.js';
import { Progress, progressMode } from '../internal/progress.js';
import { PullScheduler } from '../internal/pull-scheduler.js';
import { addAnalysisOptions, analyzeInput } from './analyze.js';

type Frames = MultichannelChunk<Float32Array>;

const WIRES = ['ringflow', 'gnuradio'] as const;
const PATTERNS = ['push-pull', 'pub-sub'] as const;

/** Loads the ZeroMQ edges, turning a missing zeromq into one line. */
async function loadZmq(call: string): Promise<typeof import('@ringflow/io/zmq')> {
  try {
    return await import('@ringflow/io/zmq');
  } catch (error) {
    throw inputError(`${call}: cannot load the ZeroMQ edges: ${(error as Error).message}`, error);
  }
}

/** Socket errors (a busy port, a bad address) as input errors naming the endpoint. */
function socketError(call: string, endpoint: string, error: unknown): Error {
  if (error instanceof TypeError || error instanceof RangeError) return usageError(`${call}: ${error.message}`);
  return inputError(`${call}: ${endpoint}: ${(error as Error).message}`, error);
}

function addEdgeOptions(command: Command, side: 'send' | 'receive'): Command {
  return command
    .addOption(new Option('--wire <wire>', "message format: ringflow's (header, end of stream) or GNU Radio's raw samples").argParser(oneOf(WIRES)).default('ringflow'))
    .addOption(new Option('--pattern <pattern>', 'ZeroMQ pattern (push-pull never drops; pub-sub drops for slow subscribers, gaps counted)').argParser(oneOf(PATTERNS)).default('push-pull'))
    .addOption(
      side === 'send'
        ? new Option('--connect', 'connect to the endpoint instead of binding it (default: bind, as GNU Radio sinks do)')
        : new Option('--bind', 'bind the endpoint instead of connecting to it (default: connect, as GNU Radio sources do)'),
    )
    .addOption(new Option('--tags', "GNU Radio wire: messages carry GNU Radio's tag header (pass_tags)"));
}

export function registerSend(program: Command, context: CommandContext): void {
  const command = program
    .command('send')
    .description('send a WAV file over ZeroMQ as float32 samples (to ringflow receive, or a GNU Radio ZeroMQ source)')
    .argument('<input>', 'WAV file to send')
    .argument('<endpoint>', 'ZeroMQ endpoint, e.g. tcp://*:5555 (bind) or tcp://host:5555 (with --connect)')
    .addOption(new Option('--chunk <frames>', 'frames per chunk').argParser(integerIn(1, 1 << 20)).default(4096))
    .addOption(new Option('-q, --quiet', 'no progress on stderr'));
  addEdgeOptions(command, 'send');
  command.action(async (inputPath: string, endpoint: string, opts: Record<string, unknown>) => {
    const call = 'ringflow send';
    const input = await openWavInput(call, inputPath);
    const zmq = await loadZmq(call);
    let sender;
    try {
      sender = await zmq.openZmqSender(endpoint, {
        wire: opts['wire'] as 'ringflow' | 'gnuradio',
        pattern: opts['pattern'] as 'push-pull' | 'pub-sub',
        mode: opts['connect'] === true ? 'connect' : 'bind',
        tags: opts['tags'] === true,
        format: 'f',
        channels: input.channels,
        sampleRate: input.sampleRate,
        onReady: (where) => context.err(`${call}: ${opts['connect'] === true ? 'connected to' : 'bound'} ${where}; waiting for a receiver\n`),
      });
    } catch (error) {
      throw socketError(call, endpoint, error);
    }
    const progress = new Progress({ label: 'send', totalSeconds: input.duration, mode: progressMode(opts['quiet'] === true, context.errStream), stream: context.errStream });
    // Each chunk is read only once the previous one was handed to ZeroMQ: the receiver paces the file.
    const scheduler = new PullScheduler();
    const ready: Frames[] = [];
    let failure: unknown;
    const subscription = input.chunks(opts['chunk'] as number, scheduler).subscribe({ next: (chunk) => ready.push(chunk), error: (error: unknown) => (failure = error) });
    let frames = 0;
    const start = performance.now();
    try {
      while (scheduler.pull()) {
        for (let chunk = ready.shift(); chunk !== undefined; chunk = ready.shift()) {
          await sender.send(chunk as never);
          frames += chunk.shape[0]!;
          progress.update(frames / input.sampleRate);
        }
      }
      if (failure !== undefined) throw failure;
      await sender.end();
    } catch (error) {
      await sender.abort(error);
      throw error;
    } finally {
      subscription.unsubscribe();
      progress.stop();
    }
    const seconds = (performance.now() - start) / 1000;
    context.out(`${call}: ${inputPath} -> ${endpoint}: ${frames} frames (${formatDuration(frames / input.sampleRate)}), ${input.channels} channel${input.channels === 1 ? '' : 's'} of float32 at ${input.sampleRate} Hz in ${sender.stats.messages} messages, ${seconds.toFixed(2)} s\n`);
  });
}

export function registerReceive(program: Command, context: CommandContext): void {
  const command = program
    .command('receive')
    .description('receive float32 samples over ZeroMQ (from ringflow send or a GNU Radio ZeroMQ sink); write them to a WAV file and/or analyse them')
    .argument('<endpoint>', 'ZeroMQ endpoint, e.g. tcp://127.0.0.1:5555 (connect) or tcp://*:5555 (with --bind)')
    .addOption(new Option('-w, --wav <file>', 'write the received samples to this WAV file'))
    .addOption(new Option('--analyze', 'run the analysis of ringflow analyze on what arrives (outputs into --out)'))
    .addOption(new Option('--channels <n>', 'channels per frame (the ringflow wire checks them)').argParser(integerIn(1, 1024)).default(1))
    .addOption(new Option('--complex', 'GNU Radio complex samples (gr_complex): 2 channels, re and im'))
    .addOption(new Option('--sample-rate <Hz>', "sample rate in Hz (default: the ringflow sender's; needed with --wire gnuradio)").argParser(positiveNumber))
    .addOption(new Option('--idle-timeout <ms>', 'end when nothing arrives for this long (GNU Radio sends no end of stream)').argParser(integerIn(1, 86_400_000)))
    .addOption(new Option('--wav-format <format>', 'sample format of --wav').argParser(oneOf(['int16', 'int24', 'int32', 'float32', 'float64'] as const)).default('float32'));
  addEdgeOptions(command, 'receive');
  addAnalysisOptions(command);
  command.action(async (endpoint: string, opts: Record<string, unknown>) => {
    const call = 'ringflow receive';
    const wavPath = opts['wav'] as string | undefined;
    if (wavPath === undefined && opts['analyze'] !== true) throw usageError(`${call}: say what to do with the samples: --wav <file>, --analyze, or both`);
    const wavFile = wavPath === undefined ? undefined : checkOutputFile(call, wavPath);
    const wire = opts['wire'] as 'ringflow' | 'gnuradio';
    if (wire === 'gnuradio' && opts['sampleRate'] === undefined) throw usageError(`${call}: --wire gnuradio carries no sample rate: pass --sample-rate <Hz>`);
    const complex = opts['complex'] === true;
    if (complex && opts['channels'] !== 1) throw usageError(`${call}: --complex carries 2 channels (re, im): leave --channels out`);
    const channels = complex ? 2 : (opts['channels'] as number);
    const zmq = await loadZmq(call);
    let receiver: ZmqReceiver<'f', number, boolean>;
    try {
      receiver = await zmq.openZmqReceiver(endpoint, {
        wire,
        pattern: opts['pattern'] as 'push-pull' | 'pub-sub',
        mode: opts['bind'] === true ? 'bind' : 'connect',
        tags: opts['tags'] === true,
        format: 'f',
        ...(complex ? { complex: true } : { channels }),
        ...(opts['idleTimeout'] === undefined ? {} : { idleTimeout: opts['idleTimeout'] as number }),
        onReady: (where) => context.err(`${call}: ${opts['bind'] === true ? 'bound' : 'connecting to'} ${where}; waiting for samples\n`),
      });
    } catch (error) {
      throw socketError(call, endpoint, error);
    }
    try {
      const asFrames = (chunk: unknown): Frames => (ArrayBuffer.isView(chunk) ? asMultichannel(chunk as Float32Array, 1) : (chunk as Frames));
      const first = await receiver.receive();
      if (first === null) throw inputError(`${call}: ${endpoint}: the stream ended before any samples arrived`);
      const sampleRate = (opts['sampleRate'] as number | undefined) ?? (receiver.stats.sampleRate || undefined);
      if (sampleRate === undefined) throw usageError(`${call}: the sender gave no sample rate: pass --sample-rate <Hz>`);
      const stream = new Observable<Frames>((subscriber) => {
        subscriber.next(asFrames(first));
        (async () => {
          for (let chunk = await receiver.receive(); chunk !== null && !subscriber.closed; chunk = await receiver.receive()) subscriber.next(asFrames(chunk));
          subscriber.complete();
        })().catch((error: unknown) => subscriber.error(error));
        return () => receiver.close();
      });
      const source = `${endpoint} (${wire} wire)`;
      const input: Input = {
        source,
        description: `${source}: ${channels} channel${channels === 1 ? '' : 's'} of float32 at ${sampleRate} Hz, until the sender ends`,
        sampleRate,
        channels,
        frames: 0,
        duration: 0,
        format: 'float32',
        truncated: false,
        chunks: () => stream,
      };
      // --wav: the received samples, written as they come (beside the analysis when both are asked).
      const raw = new Subject<Frames>();
      const rawDone: Promise<WavFileStats | undefined> =
        wavFile === undefined ? Promise.resolve(undefined) : lastValueFrom(raw.pipe(toWavFile(wavFile, { sampleRate, channels, format: opts['wavFormat'] as WavFormatName })));
      const teed: Input = { ...input, chunks: () => stream.pipe(tap({ next: (c) => raw.next(c), complete: () => raw.complete(), error: (e: unknown) => raw.error(e) })) };
      if (opts['analyze'] === true) {
        await analyzeInput(context, call, teed, opts, { title: source, chunkFrames: 4096 });
      } else {
        await lastValueFrom(teed.chunks(4096), { defaultValue: undefined });
      }
      const stats = await rawDone;
      const { malformed, gaps, lostFrames } = receiver.stats;
      if (stats !== undefined) context.out(`${call}: wrote ${wavPath}: ${stats.frames} frames (${formatDuration(stats.duration)}), ${stats.channels} channel${stats.channels === 1 ? '' : 's'}, ${stats.sampleRate} Hz, ${stats.format}\n`);
      context.out(`${call}: ${receiver.stats.messages} messages, ${malformed} malformed, ${gaps} sequence gaps (${lostFrames} frames lost)\n`);
    } finally {
      receiver.close();
    }
  });
}
