/**
 * Builds the committed attachment files of the demo web (data/demo-web/files/):
 *   node --import tsx test/web/tools/make-attachments.ts
 * The DOCX is written by render/docx.ts; the PDF and the legacy .doc are converted from DOCX copies by
 * LibreOffice (`apt-get install libreoffice-writer-nogui fonts-wqy-microhei`), which only this tool
 * needs: the server and the tests read the committed files. Run it again whenever the bureau's
 * composed reports (content/catalog.ts vsbContent) change, then tools/write-truth.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vsbContent, DATA_DIR, ATTACHMENT_FILES } from '../content/catalog.ts';
import { reportDocx } from '../render/docx.ts';
import { tablePicture } from '../render/png.ts';

function convert(docx: Buffer, to: 'pdf' | 'doc', work: string): Buffer {
  const src = join(work, `source-${to}.docx`);
  writeFileSync(src, docx);
  execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', to, '--outdir', work, src], { stdio: 'pipe', timeout: 180_000 });
  return readFileSync(join(work, `source-${to}.${to}`));
}

function main(): void {
  const out = join(DATA_DIR, 'files');
  mkdirSync(out, { recursive: true });
  const content = vsbContent();
  const work = mkdtempSync(join(tmpdir(), 'demo-web-attachments-'));
  try {
    writeFileSync(join(out, ATTACHMENT_FILES.docx), reportDocx(content.docx));
    writeFileSync(join(out, ATTACHMENT_FILES.pdf), convert(reportDocx(content.pdf), 'pdf', work));
    writeFileSync(join(out, ATTACHMENT_FILES.doc), convert(reportDocx(content.doc), 'doc', work));
    writeFileSync(join(out, ATTACHMENT_FILES.imageActive), tablePicture(12, 4));
    writeFileSync(join(out, ATTACHMENT_FILES.imageApplications), tablePicture(28, 10, 24));
    writeFileSync(join(out, ATTACHMENT_FILES.imageReview), tablePicture(4, 15, 30));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`wrote ${Object.values(ATTACHMENT_FILES).join(', ')} to ${out}`);
}

if (process.argv[1]?.endsWith('make-attachments.ts')) main();
