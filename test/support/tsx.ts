import { resolve } from 'node:path';

/** tsx's loader: `node --import TSX_LOADER file.ts` runs TypeScript in a child whose signals reach node itself. */
export const TSX_LOADER = resolve(__dirname, '../../node_modules/tsx/dist/loader.mjs');
