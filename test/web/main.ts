/**
 * Runs the demo web until SIGINT/SIGTERM:
 *   node --import tsx test/web/main.ts [--port N]
 * Prints the proxy URL first (one line, for scripts), then the portals.
 */
import { startDemoWeb } from './server.ts';

function portArg(argv: string[]): number {
  const i = argv.indexOf('--port');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--port='))?.slice('--port='.length);
  const port = Number(value ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port ${value}`);
  return port;
}

const web = await startDemoWeb({ port: portArg(process.argv.slice(2)) });
console.log(web.proxyUrl);
for (const p of web.manifest.portals) {
  console.error(`  ${p.homepage.padEnd(40)} ${p.name} (${p.cms}): ${p.reports.length} reports, ${p.distractors.length} distractors`);
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
