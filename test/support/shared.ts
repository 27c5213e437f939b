/** The reference material beside the project (../shared); absent on a user's clone. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = process.env.NIANBAO_SHARED ?? path.resolve(PROJECT_ROOT, '../shared');
export const HAS_SHARED = existsSync(path.join(SHARED_DIR, 'seeds'));
