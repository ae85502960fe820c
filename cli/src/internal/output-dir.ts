// The output folder of a command: created if missing, checked writable before any work starts, so
// a bad --out fails at once instead of after minutes of processing.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { inputError } from './errors.js';

/** Creates `dir` if needed and checks it can be written; returns its absolute path. */
export function prepareOutputDir(call: string, dir: string): string {
  const path = resolve(dir);
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw inputError(`${call}: cannot create the output folder ${dir} (${code === 'EEXIST' || code === 'ENOTDIR' ? 'a file of that name is in the way' : code ?? String(error)})`, error);
  }
  if (!statSync(path).isDirectory()) throw inputError(`${call}: the output folder ${dir} is a file`);
  try {
    accessSync(path, constants.W_OK);
  } catch (error) {
    throw inputError(`${call}: cannot write into the output folder ${dir} (permission denied)`, error);
  }
  return path;
}

/** Checks that the folder of an output file exists and can be written. */
export function checkOutputFile(call: string, file: string): string {
  const path = resolve(file);
  const dir = dirname(path);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw inputError(`${call}: cannot write ${file}: the folder ${dirname(file)} does not exist`);
  }
  if (!isDir) throw inputError(`${call}: cannot write ${file}: ${dirname(file)} is not a folder`);
  try {
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw inputError(`${call}: cannot write ${file}: permission denied`, error);
  }
  try {
    if (statSync(path).isDirectory()) throw inputError(`${call}: cannot write ${file}: it is a folder`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return path;
}
