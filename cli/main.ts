/**
 * The nianbao command line. Each command lives in its own module and only wires stages together:
 * the logic is in crawler/, storage/ and parsers/.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, UserError } from './exit.ts';
import { registerCrawl } from './crawl.ts';
import { registerExport } from './export.ts';
import { registerFailures } from './failures.ts';
import { registerParse } from './parse.ts';
import { registerRebuild } from './rebuild.ts';

const program = new Command('nianbao')
  .description('Crawl, archive and parse Chinese government information-disclosure annual reports (政府信息公开工作年度报告)')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

registerParse(program);
registerCrawl(program);
registerRebuild(program);
registerFailures(program);
registerExport(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (err instanceof UserError) {
    process.stderr.write(`nianbao: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else {
    throw err;
  }
}
