// `ringflow info <file.wav...>`: what a WAV file holds, from its header (as soxi shows it).
import { Option, type Command } from 'commander';
import { toJson, type CommandContext } from '../internal/command-context.js';
import { checkReadableFile, formatDuration } from '../internal/input.js';
import { inputError } from '../internal/errors.js';
import { openWav, WavError, type WavInfo } from '@ringflow/io';

const CALL = 'ringflow info';

export function registerInfo(program: Command, context: CommandContext): void {
  program
    .command('info')
    .description("print a WAV file's header: format, channels, sample rate, length, chunks")
    .argument('<files...>', 'WAV files')
    .addOption(new Option('--json', 'print JSON (an array, one object per file)'))
    .action(async (files: string[], opts: { json?: boolean }) => {
      const infos: WavInfo[] = [];
      for (const file of files) {
        checkReadableFile(CALL, file);
        try {
          const { chunks: _chunks, ...info } = await openWav(file, { call: CALL });
          infos.push(info);
        } catch (error) {
          if (error instanceof WavError) throw inputError(error.message, error);
          throw error;
        }
      }
      if (opts.json === true) {
        context.out(`${toJson(infos)}\n`);
        return;
      }
      for (const info of infos) context.out(describe(info));
    });
}

function describe(info: WavInfo): string {
  const rows: [string, string][] = [
    ['file', info.source],
    ['container', info.container],
    ['format', `${info.format} (${info.bitsPerSample} bits${info.validBitsPerSample !== info.bitsPerSample ? `, ${info.validBitsPerSample} valid` : ''}, format tag 0x${info.formatTag.toString(16).padStart(4, '0')}${info.extensible ? ', WAVE_FORMAT_EXTENSIBLE' : ''})`],
    ['channels', `${info.channels}${info.extensible ? ` (mask 0x${info.channelMask.toString(16)})` : ''}`],
    ['sample rate', `${info.sampleRate} Hz`],
    ['frames', `${info.frames}`],
    ['duration', formatDuration(info.duration)],
    ['data', `${info.dataBytes} bytes at offset ${info.dataOffset}${info.truncated ? ' (truncated: shorter than its header says)' : ''}`],
    ['chunks', info.riffChunks.map((c) => `${c.id.trim()} (${c.size} bytes)`).join(', ')],
  ];
  return `${rows.map(([k, v]) => `${k.padEnd(12)} ${v}`).join('\n')}\n\n`;
}
