/**
 * What was wrong with a WAV file, as a stable code for programs (the message is for people).
 *
 * - `not-riff`: the file does not start with `RIFF` (or `RF64`), or is shorter than a RIFF header.
 * - `not-wave`: a RIFF file whose form type is not `WAVE` (AVI, WebP, ...).
 * - `unsupported-codec`: a compressed or otherwise unsupported encoding (IMA ADPCM, A-law, MP3, ...), named in the message.
 * - `bad-format`: a fmt chunk that cannot describe PCM or float samples (zero channels, zero sample
 *   rate, sizes that disagree, an unsupported bit depth, a missing or short fmt chunk, a missing ds64 chunk in RF64).
 * - `bad-chunk`: a chunk before the data runs past the end of the file (a corrupt header).
 * - `no-data`: no data chunk.
 * - `changed`: the file got shorter between `openWav` and a read.
 */
export type WavErrorCode = 'not-riff' | 'not-wave' | 'unsupported-codec' | 'bad-format' | 'bad-chunk' | 'no-data' | 'changed';

/**
 * The error `openWav`, `readWav` and the streams they make throw for a file that is not a WAV file
 * they can read.
 *
 * @remarks
 * The message names the call, the file and the problem (`openWav: take.wav: unsupported codec IMA
 * ADPCM (format tag 0x0011); convert it to PCM first, e.g. sox take.wav -e signed-integer out.wav`).
 * `code` is one of {@link WavErrorCode}; `source` is the path (or `'<bytes>'`). File system errors
 * (`ENOENT`, `EACCES`) are passed through unchanged: they carry their own `code` and `path`.
 *
 * @example
 * ```ts
 * import { readWav, WavError } from '@ringflow/io';
 * try {
 *   await readWav(new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 0, 0]));
 * } catch (error) {
 *   if (error instanceof WavError) console.log(error.code); // 'not-riff'
 * }
 * ```
 */
export class WavError extends Error {
  /** What was wrong, for programs. */
  readonly code: WavErrorCode;
  /** The file's path, or `'<bytes>'`. */
  readonly source: string;

  /**
   * @param call - The function that found the problem (`openWav`, `readWav`).
   * @param source - The file's path, or `'<bytes>'`.
   * @param code - What was wrong.
   * @param problem - The problem in words, without the call or the file.
   */
  constructor(call: string, source: string, code: WavErrorCode, problem: string) {
    super(`${call}: ${source}: ${problem}`);
    this.name = 'WavError';
    this.code = code;
    this.source = source;
  }
}
