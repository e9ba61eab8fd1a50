/**
 * Where the compiled (dist/) file of one of our modules is. Child processes and worker threads always
 * run the built JavaScript, also when the caller itself runs from TypeScript sources (tests, tsx in
 * development): `npm run build` (or vitest's global setup) makes dist/ first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `relative` (a `.js` name) resolved against `fromUrl`, mapped into dist/ when `fromUrl` is a source file. */
export function builtFile(fromUrl: string, relative: string): string {
  const from = fileURLToPath(fromUrl);
  const target = path.resolve(path.dirname(from), relative);
  if (!from.endsWith('.ts')) return target;
  let root = path.dirname(from);
  while (!fs.existsSync(path.join(root, 'package.json'))) {
    const up = path.dirname(root);
    if (up === root) throw new Error(`No package.json above ${from}`);
    root = up;
  }
  const built = path.join(root, 'dist', path.relative(root, target));
  if (!fs.existsSync(built)) throw new Error(`${path.relative(root, built)} is missing: run \`npm run build\` first.`);
  return built;
}

export function builtFileUrl(fromUrl: string, relative: string): URL {
  return pathToFileURL(builtFile(fromUrl, relative));
}
