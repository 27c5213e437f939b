/**
 * Runs the demo web until SIGINT/SIGTERM:
 *   node --import tsx test/web/main.ts [--port N] [--bench-reports N]
 * Prints the proxy URL first (one line, for scripts), then the portals.
 */
import { startDemoWeb } from './server.ts';

function intArg(argv: string[], name: string, max: number): number {
  const i = argv.indexOf(name);
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  const n = Number(value ?? 0);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`bad ${name} ${value}`);
  return n;
}

const argv = process.argv.slice(2);
const web = await startDemoWeb({ port: intArg(argv, '--port', 65535), benchReports: intArg(argv, '--bench-reports', Number.MAX_SAFE_INTEGER) });
console.log(web.proxyUrl);
for (const p of web.manifest.portals) {
  console.error(`  ${p.homepage.padEnd(40)} ${p.name} (${p.cms}): ${p.reports.length} reports, ${p.distractors.length} distractors`);
}
if (web.benchManifest) {
  const b = web.benchManifest;
  console.error(`  ${b.homepage.padEnd(40)} ${b.name} (bench): ${b.reports.length} reports, ${b.listPages.length} listing pages (GET http://${web.manifest.controlHost}/bench/manifest)`);
}
console.error(`  control: http://${web.manifest.controlHost}/faults (through the proxy)`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void web.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
