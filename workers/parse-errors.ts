/** The coded errors of a parse thread that had to be stopped; one wording for the sandbox and the page-parallel helpers. */
import { AppError } from '../core/errors.js';

export function tooMuchMemory(fileName: string): AppError {
  return new AppError(
    'parse-crashed',
    `Reading ${fileName} needed more memory than allowed and was stopped. The file may be damaged; export it again, or upload the Word file.`,
  );
}

export function parseCrashed(fileName: string, exitCode: number): AppError {
  return new AppError('parse-crashed', `Reading ${fileName} stopped unexpectedly (exit ${exitCode}). The file may be damaged; export it again.`);
}
