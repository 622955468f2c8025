import { existsSync } from 'fs';
import * as path from 'path';

let root: string | undefined;

/** The folder holding package.json, whether we run from src/ (ts-node, jest) or dist/src/. */
export function projectRoot(): string {
  if (!root) {
    let dir = __dirname;
    while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    root = dir;
  }
  return root;
}
