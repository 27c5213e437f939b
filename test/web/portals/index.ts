/** All portals of the demo web, built once per server (building is pure: same pages every time). */
import type { Portal } from '../site.ts';
import { trsPortal } from './trs.ts';
import { hanwebPortal } from './hanweb.ts';
import { jiyuePortal } from './jiyue.ts';
import { gbkPortal } from './gbk.ts';
import { vsbPortal } from './vsb.ts';
import { challengePortal } from './challenge.ts';

export function buildPortals(): Portal[] {
  return [trsPortal(), hanwebPortal(), jiyuePortal(), gbkPortal(), vsbPortal(), challengePortal()];
}
