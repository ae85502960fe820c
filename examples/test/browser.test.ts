// The browser demo (examples/browser) in Debian's Chromium, headless: built with Vite's JS API,
// served by `preview()` with and without the cross-origin isolation headers, driven through
// playwright-core. The page exposes its numbers as `window.__ringflow` (examples/browser/src/
// page-state.ts); the tests read those, and check one screenshot for pixels. Without
// /usr/bin/chromium the tests skip, except in CI (RINGFLOW_CI=1, .ci/run installs chromium).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode } from 'fast-png';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, createLogger, defaultClientConditions, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import type { PageState } from '../browser/src/page-state.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const inCi = process.env.RINGFLOW_CI === '1';
if (!hasChromium) {
  console.warn(`${CHROMIUM} is missing: the browser demo tests are skipped${inCi ? ' (a failure in CI)' : ''} (apt-get install -y --no-install-recommends chromium)`);
}

const app = fileURLToPath(new URL('../browser/', import.meta.url));
const output = fileURLToPath(new URL('./output/', import.meta.url));
const SAMPLE_RATE = 48_000;
/** The page's oscillator plays at this amplitude (a GainNode of 0.5). */
const AMPLITUDE = 0.5;
/** The page's lowpass: a Butterworth of this order. */
const ORDER = 4;
/** The page's offline mode renders in steps of this many frames (the play side lags one step). */
const OFFLINE_STEP = 2048;
/** The page draws its level meters in the right this many pixels of the canvas. */
const METER_WIDTH = 56;

let outDir = '';
let profile = '';
let isolatedServer: PreviewServer | undefined;
let plainServer: PreviewServer | undefined;
let browser: BrowserContext | undefined;

/** Reads the page state (plain data only: the functions stay in the page). */
async function stateOf(page: Page): Promise<Omit<PageState, 'spectrum'>> {
  return page.evaluate(() => {
    const s = (globalThis as unknown as { __ringflow: PageState }).__ringflow;
    return JSON.parse(JSON.stringify({ ...s, spectrum: undefined })) as Omit<PageState, 'spectrum'>;
  });
}

async function waitFor(page: Page, what: string, predicate: string, timeout = 20_000): Promise<void> {
  try {
    await page.waitForFunction(`(() => { const s = globalThis.__ringflow; return s !== undefined && s.error === null && (${predicate}); })()`, undefined, { timeout, polling: 50 });
  } catch (error) {
    throw new Error(`the page did not reach "${what}" (${predicate}): ${JSON.stringify(await stateOf(page))}`, { cause: error });
  }
}

async function open(server: PreviewServer | undefined, query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser!.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${server!.resolvedUrls!.local[0]!}${query}`);
  return { page, errors };
}

/** 20 log10 |H(f)| of the page's lowpass at `cutoff`, from ringflow's sosfreqz. */
function responseDb(cutoff: number, f: number): number {
  const { h } = signal.sosfreqz(signal.butter(ORDER, cutoff, { fs: SAMPLE_RATE }), [f], { fs: SAMPLE_RATE });
  return 20 * Math.log10(Math.hypot(h.re[0]!, h.im[0]!));
}

/** A mono 16-bit WAV file of a sine at `hz`, amplitude 0.5. */
function toneWav(hz: number, seconds: number): Buffer {
  const frames = seconds * SAMPLE_RATE;
  const wav = Buffer.alloc(44 + 2 * frames);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + 2 * frames, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(SAMPLE_RATE, 24);
  wav.writeUInt32LE(2 * SAMPLE_RATE, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(2 * frames, 40);
  for (let i = 0; i < frames; i++) wav.writeInt16LE(Math.round(16383 * Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE)), 44 + 2 * i);
  return wav;
}

describe.skipIf(!hasChromium)('the browser demo (examples/browser) in headless Chromium', () => {
  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'ringflow-demo-'));
    profile = mkdtempSync(join(tmpdir(), 'ringflow-chromium-'));
    const configFile = join(app, 'vite.config.ts');
    await build({ root: app, configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    // The demo's own config (COOP/COEP headers), and a bare server of the same files without them.
    isolatedServer = await preview({ root: app, configFile, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    plainServer = await preview({ root: app, configFile: false, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--autoplay-policy=no-user-gesture-required',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await isolatedServer?.close();
    await plainServer?.close();
    for (const dir of [outDir, profile]) if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('runs live on the ring transport when cross-origin isolated: the spectral peak sits in the bin of the tone, for live FFT sizes and frequencies', async () => {
    const { page, errors } = await open(isolatedServer, '?autostart=1&freq=1000&fft=2048');
    await waitFor(page, 'twenty spectra', 's.running && s.spectra >= 20');
    let s = await stateOf(page);
    expect(s.isolated).toBe(true);
    expect(s.transport).toBe('ring');
    expect(s.mode).toBe('live');
    expect(s.fftSize).toBe(2048);
    expect(s.peakBin).toBe(Math.round((1000 * 2048) / SAMPLE_RATE));
    expect(Math.abs(s.peakHz - 1000)).toBeLessThanOrEqual(SAMPLE_RATE / 2048 / 2);
    // The tone arrives at its level (amplitude 0.5: RMS 0.5 / sqrt 2), the default 4 kHz lowpass keeps it.
    expect(s.levelsDb.input).toBeCloseTo(20 * Math.log10(AMPLITUDE / Math.SQRT2), 0);
    // Filtered audio goes round: the play node plays frames the worker wrote into the play ring.
    await waitFor(page, 'the play node playing', 's.playedFrames > 4096 && s.latencyMs !== null');
    s = await stateOf(page);
    expect(s.latencyMs!).toBeGreaterThan(0);
    expect(s.latencyMs!).toBeLessThan(1000);
    expect(s.captureFill).not.toBeNull();

    await page.evaluate(() => (globalThis as unknown as { __ringflow: PageState }).__ringflow.setFftSize(4096));
    await waitFor(page, 'spectra of 4096 points', 's.fftSize === 4096');
    expect((await stateOf(page)).peakBin).toBe(Math.round((1000 * 4096) / SAMPLE_RATE));
    await page.evaluate(() => (globalThis as unknown as { __ringflow: PageState }).__ringflow.setFrequency(3000));
    const bin3k = Math.round((3000 * 4096) / SAMPLE_RATE);
    await waitFor(page, 'the peak at 3 kHz', `s.peakBin === ${bin3k}`);
    await page.waitForTimeout(300); // a few more columns of the spectrogram

    // An uploaded file replaces the oscillator: a WAV of a 5 kHz tone, decoded by the page.
    await page.locator('#file').setInputFiles({ name: 'tone.wav', mimeType: 'audio/wav', buffer: toneWav(5000, 1) });
    const bin5k = Math.round((5000 * 4096) / SAMPLE_RATE);
    await waitFor(page, 'the peak of the uploaded 5 kHz tone', `s.peakBin === ${bin5k}`);
    await page.evaluate(() => (globalThis as unknown as { __ringflow: PageState }).__ringflow.setFrequency(3000));
    await waitFor(page, 'the oscillator back at 3 kHz', `s.peakBin === ${bin3k}`);

    mkdirSync(output, { recursive: true });
    const file = join(output, 'browser-demo.png');
    const png = await page.locator('#spectrogram').screenshot();
    writeFileSync(file, png);
    // The spectrogram part (the level meters take the right METER_WIDTH pixels): not uniform, and
    // its newest column holds the tone's bright line.
    const image = decode(png);
    const channels = image.channels;
    const plotWidth = image.width - METER_WIDTH;
    const luma = (x: number, y: number): number => {
      const i = (y * image.width + x) * channels;
      return (Number(image.data[i]) + Number(image.data[i + 1]) + Number(image.data[i + 2])) / 3;
    };
    let sum = 0;
    let sumSq = 0;
    let lit = 0;
    let newest = 0;
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < plotWidth; x++) {
        const l = luma(x, y);
        sum += l;
        sumSq += l * l;
        if (l > 100) lit++;
      }
      newest = Math.max(newest, luma(plotWidth - 2, y));
    }
    const n = plotWidth * image.height;
    expect(plotWidth).toBeGreaterThan(100);
    expect(sumSq / n - (sum / n) ** 2, `pixel variance of ${file}`).toBeGreaterThan(100);
    expect(lit / n, `share of bright pixels in ${file}`).toBeGreaterThan(0.002);
    expect(newest, `brightest pixel of the newest column in ${file}`).toBeGreaterThan(150);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders offline with no underruns or overruns, and the level follows the lowpass response as the cutoff changes', async () => {
    const { page, errors } = await open(isolatedServer, '?offline=1&seconds=1&freq=1000&cutoff=8000');
    await waitFor(page, 'the first second rendered', `s.running && s.framesProcessed >= ${SAMPLE_RATE - OFFLINE_STEP}`);
    expect((await stateOf(page)).mode).toBe('offline');
    const measured: { cutoff: number; gainDb: number; expectedDb: number }[] = [];
    for (const cutoff of [8000, 2000, 1000, 700, 500]) {
      const levels = await page.evaluate(async (hz) => {
        const s = (globalThis as unknown as { __ringflow: PageState }).__ringflow;
        s.setCutoff(hz);
        await s.advance(0.75); // applies from the next captured chunk; a 4th-order lowpass settles in milliseconds
        return { cutoff: s.cutoff, ...s.levelsDb };
      }, cutoff);
      expect(levels.cutoff).toBe(cutoff);
      measured.push({ cutoff, gainDb: levels.output - levels.input, expectedDb: responseDb(cutoff, 1000) });
    }
    for (const m of measured) expect(Math.abs(m.gainDb - m.expectedDb), JSON.stringify(m)).toBeLessThan(1);
    // The response spans more than 20 dB over these cutoffs: the level really changed.
    expect(measured[0]!.gainDb - measured.at(-1)!.gainDb).toBeGreaterThan(20);

    const s = await stateOf(page);
    const rendered = s.capturedFrames;
    expect(rendered / SAMPLE_RATE).toBeGreaterThan(4);
    expect(s.underruns).toBe(0);
    expect(s.underrunFrames).toBe(0);
    expect(s.overruns).toBe(0);
    expect(s.droppedFrames).toBe(0);
    expect(s.playDropped).toBe(0);
    // Every captured frame was filtered, and played one step later: nothing lost on the way.
    expect(s.framesProcessed).toBe(rendered);
    expect(s.playedFrames).toBe(rendered - OFFLINE_STEP);
    expect(s.latencyMs).toBeCloseTo((OFFLINE_STEP / SAMPLE_RATE) * 1000, 6);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains the missing isolation headers and still produces spectra over the message transport', async () => {
    const { page, errors } = await open(plainServer, '?autostart=1&freq=1000&fft=2048');
    const note = page.locator('#isolation');
    await note.waitFor({ state: 'visible' });
    const text = await note.innerText();
    expect(text).toMatch(/not cross-origin isolated/);
    expect(text).toContain('Cross-Origin-Opener-Policy: same-origin');
    expect(text).toContain('Cross-Origin-Embedder-Policy: require-corp');
    await waitFor(page, 'ten spectra', 's.running && s.spectra >= 10');
    const s = await stateOf(page);
    expect(s.isolated).toBe(false);
    expect(s.transport).toBe('message');
    expect(s.peakBin).toBe(Math.round((1000 * 2048) / SAMPLE_RATE));
    expect(s.framesProcessed).toBeGreaterThanOrEqual(10 * 1024); // a spectrum every 1024 frames
    // offload('auto') would warn here; the page picks 'message' itself, so nothing is logged as an error.
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the built packages in a Vite build', () => {
  const built = existsSync(fileURLToPath(new URL('../../workers/dist/index.js', import.meta.url)));
  it.skipIf(!built && !inCi)('bundle for the browser with no flags and no Node built-ins (dist/, default conditions)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringflow-vite-dist-'));
    const warnings: string[] = [];
    const logger = createLogger('warn');
    logger.warn = (message) => void warnings.push(message);
    logger.warnOnce = (message) => void warnings.push(message);
    try {
      // The entries a browser app imports, resolved as a user's Vite resolves them: no @ringflow/source.
      await build({
        configFile: false,
        customLogger: logger,
        logLevel: 'warn',
        root: fileURLToPath(new URL('./packaging/', import.meta.url)),
        resolve: { conditions: [...defaultClientConditions] },
        build: { outDir: dir, emptyOutDir: true, lib: { entry: 'browser-entry.mjs', formats: ['es'], fileName: 'bundle' } },
      });
      const bundle = readFileSync(join(dir, 'bundle.js'), 'utf8');
      expect(bundle).toContain('RingBuffer');
      expect(bundle).not.toMatch(/from\s*["']node:|import\(["']node:|require\(["']node:/);
      expect(warnings.filter((w) => /externalized|node:/.test(w))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

it.runIf(inCi && !hasChromium)('has chromium installed (RINGFLOW_CI=1: the browser demo must be tested)', () => {
  throw new Error(`${CHROMIUM} is missing, but RINGFLOW_CI=1: .ci/run must apt-get install chromium`);
});
