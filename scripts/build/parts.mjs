// The parts of the split wasm in a built folder (scripts/build.mjs, `splitWidget`):
// split_<name>_<hash>.wasm, one per `load_part!` function, and chunk_<n>.wasm, code
// two parts share. One rule for the build, the package and the size report.
import { readdirSync } from 'node:fs';

/** Whether a file name is a part of the split wasm. */
export const isPart = (name) => /^(split|chunk)_.*\.wasm$/.test(name);

/** The parts in `dir` (names, not paths). */
export const partsIn = (dir) => readdirSync(dir).filter(isPart);
