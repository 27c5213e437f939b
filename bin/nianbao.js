#!/usr/bin/env node
// The nianbao CLI. The sources are TypeScript run through tsx, so `npx nianbao` works right after
// `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
