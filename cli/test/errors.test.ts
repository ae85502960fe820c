// Bad input gets one clear line on stderr and exit code 2 (usage) or 1 (input/output), never a
// stack trace; --help lists every option with its unit and default; --version prints the version.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasSox, sox } from '../../io/test/helpers/sox.js';
import { ringflow } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ringflow-cli-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'notes.txt'), 'these are not samples\n'.repeat(10));
writeFileSync(join(dir, 'in-the-way'), 'a file where a folder should be');

/** Expects one line on stderr that matches `pattern`, no stack, nothing on stdout, and `code`. */
async function expectFailure(args: string[], code: number, pattern: RegExp): Promise<void> {
  const run = await ringflow(args, { cwd: dir });
  expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(code);
  expect(run.stderr.trim().split('\n'), run.stderr).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stdout).toBe('');
}

describe('ringflow: bad input', () => {
  it('a missing file: exit 1, names it', () => expectFailure(['analyze', 'nope.wav'], 1, /^ringflow analyze: nope\.wav: no such file$/m));
  it('a folder as input: exit 1', () => expectFailure(['info', '.'], 1, /^ringflow info: \.: not a file$/m));
  it('not a WAV file: exit 1, says what it is not', () => expectFailure(['analyze', 'notes.txt'], 1, /^ringflow analyze: notes\.txt: .*RIFF/m));
  it.runIf(hasSox)('an unsupported codec: exit 1, names the codec', async () => {
    sox('-n', '-r', '8000', '-e', 'ima-adpcm', join(dir, 'adpcm.wav'), 'synth', '0.1', 'sine', '440');
    await expectFailure(['analyze', 'adpcm.wav'], 1, /^ringflow analyze: adpcm\.wav: .*IMA ADPCM/m);
  });
  it('an output folder that cannot be made: exit 1', () => expectFailure(['analyze', '--duration', '0.1', '--out', 'in-the-way/out'], 1, /^ringflow analyze: cannot create the output folder in-the-way\/out/m));
  it('an output file in a missing folder: exit 1', async () => {
    await expectFailure(['filter', 'notes.txt', 'no/such/dir/out.wav', '--lowpass', '100'], 1, /notes\.txt/); // the input is checked first
  });
  it('an unknown option: exit 2', () => expectFailure(['analyze', '--fft', '1024'], 2, /^ringflow: unknown option '--fft'/m));
  it('an unknown command: exit 2', () => expectFailure(['analyse'], 2, /^ringflow: unknown command 'analyse' \(Did you mean analyze\?\)/m));
  it('an FFT size that is not a power of two: exit 2, says what is expected', () =>
    expectFailure(['analyze', '--fft-size', '1000'], 2, /--fft-size <samples>.*'1000'.*power of two from 256 to 65536/));
  it('an FFT size too small: exit 2', () => expectFailure(['analyze', '--fft-size', '128'], 2, /power of two from 256/));
  it('a hop larger than the FFT: exit 2', () => expectFailure(['analyze', '--fft-size', '256', '--hop', '512', '--duration', '0.1'], 2, /--hop \(512\) must not exceed --fft-size \(256\)/));
  it('a cutoff above Nyquist: exit 2', () => expectFailure(['analyze', '--lowpass', '30000', '--duration', '0.1'], 2, /30000 Hz is not below the Nyquist frequency.*24000/));
  it('a negative level where a number is expected: exit 2', () => expectFailure(['analyze', '--max-tones', 'many'], 2, /--max-tones <n>.*expected a number/));
  it('filter without a filter: exit 2', async () => {
    await ringflow(['analyze', '--duration', '0.2', '--out', 'a', '-q'], { cwd: dir });
    await expectFailure(['filter', 'a/filtered.wav', 'b.wav'], 2, /say which filter/);
  });
  it('resample without --rate: exit 2', () => expectFailure(['resample', 'a.wav', 'b.wav'], 2, /required option '-r, --rate <Hz>'/));
  it('receive with nothing to do: exit 2', () => expectFailure(['receive', 'tcp://127.0.0.1:1'], 2, /--wav <file>, --analyze, or both/));
  it('no command: the help on stderr, exit 2', async () => {
    const run = await ringflow([], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: ringflow');
  });
  it('--debug shows the stack of an input error', async () => {
    const run = await ringflow(['--debug', 'analyze', 'nope.wav'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});

describe('ringflow: help and version', () => {
  it('--version prints the package version', async () => {
    const run = await ringflow(['--version']);
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });
  it.each([
    ['analyze', ['--out <dir>', '(default: "ringflow-out")', '--fft-size <samples>', '(default: 4096)', '--hop <samples>', 'FFT size / 4', '--highpass <Hz>', '(default: 20)', '--lowpass <Hz>', '--min-level <dBFS>', '--duration <seconds>', '--in-thread', '--json', '--design <family>', '--order <n>', '--format <format>']],
    ['filter', ['<input>', '<output>', '--lowpass <Hz>', '--bandpass <low,high>', '--ripple <dB>', '(default: 1)', '--attenuation <dB>', '(default: 60)']],
    ['resample', ['--rate <Hz>', '--chunk <frames>', '(default: 4096)']],
    ['info', ['<files...>', '--json']],
    ['send', ['<endpoint>', '--wire <wire>', '(default: "ringflow")', '--pattern <pattern>', '--connect']],
    ['receive', ['--wav <file>', '--analyze', '--channels <n>', '--sample-rate <Hz>', '--idle-timeout <ms>', '--bind']],
  ])('%s --help lists its options with units and defaults', async (command, expected) => {
    const run = await ringflow([command, '--help']);
    expect(run.code).toBe(0);
    const help = run.stdout.replace(/\s+/g, ' ');
    for (const text of expected) expect(help).toContain(text);
  });
});
