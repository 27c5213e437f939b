/**
 * Writes a report as a real .docx (Office Open XML in a zip), with the official tables as Word tables
 * (gridSpan for column spans, vMerge for row spans), as agencies' Word originals have them.
 * Used once by tools/make-attachments.ts; the files are committed under data/demo-web/files/.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Block, ReportDoc } from '../content/model.ts';
import { tableModel } from './report.ts';
import type { TableModel } from './tables.ts';

const x = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A zip archive (deflate), enough for OOXML. Fixed timestamps keep the output byte-stable. */
export function zip(entries: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6); local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10); local.writeUInt16LE(0x5821, 12); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10); central.writeUInt16LE(0, 12); central.writeUInt16LE(0x5821, 14); central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** Reads one entry of a zip written by `zip` (or any deflate/stored zip): for tests. */
export function unzipEntry(archive: Buffer, name: string): Buffer | null {
  let pos = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (pos < 0) return null;
  const count = archive.readUInt16LE(pos + 10);
  pos = archive.readUInt32LE(pos + 16);
  for (let i = 0; i < count; i++) {
    const method = archive.readUInt16LE(pos + 10);
    const size = archive.readUInt32LE(pos + 20);
    const nameLen = archive.readUInt16LE(pos + 28);
    const extra = archive.readUInt16LE(pos + 30) + archive.readUInt16LE(pos + 32);
    const local = archive.readUInt32LE(pos + 42);
    if (archive.toString('utf8', pos + 46, pos + 46 + nameLen) === name) {
      const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
      const data = archive.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : Buffer.from(data);
    }
    pos += 46 + nameLen + extra;
  }
  return null;
}

function run(text: string, opts: { bold?: boolean; size?: number } = {}): string {
  const rpr = `<w:rPr><w:rFonts w:ascii="FangSong" w:eastAsia="仿宋"/>${opts.bold ? '<w:b/>' : ''}<w:sz w:val="${opts.size ?? 24}"/></w:rPr>`;
  return text.split('\n').map((t, i) => `${i ? '<w:r><w:br/></w:r>' : ''}<w:r>${rpr}<w:t xml:space="preserve">${x(t)}</w:t></w:r>`).join('');
}

function para(text: string, opts: { bold?: boolean; align?: string; indent?: boolean; size?: number } = {}): string {
  const ppr = `<w:pPr>${opts.align ? `<w:jc w:val="${opts.align}"/>` : ''}${opts.indent ? '<w:ind w:firstLine="480"/>' : ''}</w:pPr>`;
  return `<w:p>${ppr}${run(text, opts)}</w:p>`;
}

/** Places each cell on the grid (row spans occupy the rows below), then writes Word's row-by-row form. */
function table(model: TableModel): string {
  interface Placed { col: number; span: number; rowspan: number; text: string }
  const taken: boolean[][] = [];
  const placed: Placed[][] = model.map(() => []);
  let width = 0;
  model.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (taken[r]?.[col]) col++;
      const span = cell.colspan ?? 1;
      const rowspan = cell.rowspan ?? 1;
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < span; dc++) ((taken[r + dr] ??= [])[col + dc] = true);
      placed[r]?.push({ col, span, rowspan, text: cell.text });
      col += span;
      width = Math.max(width, col);
    }
  });
  const rows = model.map((_, r) => {
    const cells: string[] = [];
    for (let col = 0; col < width;) {
      const own = placed[r]?.find((p) => p.col === col);
      const above = own ? undefined : placed.slice(0, r).flat().find((p) => p.col === col && placed.findIndex((row) => row.includes(p)) + p.rowspan > r);
      const cell = own ?? above;
      if (!cell) { col++; continue; }
      const merge = cell.rowspan > 1 ? (own ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : '';
      const tcpr = `<w:tcPr>${cell.span > 1 ? `<w:gridSpan w:val="${cell.span}"/>` : ''}${merge}<w:vAlign w:val="center"/></w:tcPr>`;
      cells.push(`<w:tc>${tcpr}${own ? para(cell.text, { align: 'center', size: 18 }) : '<w:p/>'}</w:tc>`);
      col += cell.span;
    }
    return `<w:tr>${cells.join('')}</w:tr>`;
  });
  const border = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('');
  const grid = Array.from({ length: width }, () => `<w:gridCol w:w="${Math.floor(9000 / Math.max(width, 1))}"/>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/><w:tblBorders>${border}</w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

function blockXml(block: Block, doc: ReportDoc): string {
  switch (block.kind) {
    case 'h': return para(block.text, { bold: true, indent: true, size: 28 });
    case 'p': return para(block.text, block.align === 'right' ? { align: 'right' } : { indent: true });
    case 'table': return table(tableModel(doc, block.table)) + '<w:p/>';
    case 'grid': return table(block.rows.map((r) => r.map((text) => ({ text })))) + '<w:p/>';
    case 'image': return para(`[${block.alt || '图片'}]`);
  }
}

export function reportDocx(doc: ReportDoc): Buffer {
  const title = doc.truth.title ?? '';
  const body = [para(title, { bold: true, align: 'center', size: 36 }), ...doc.body.map((b) => blockXml(b, doc))].join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1300" w:bottom="1440" w:left="1300" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
  const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${x(title)}</dc:title><dc:creator>${x(doc.truth.agency ?? '')}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${doc.date}T09:00:00Z</dcterms:created></cp:coreProperties>`;
  return zip([
    ['[Content_Types].xml', Buffer.from(types)],
    ['_rels/.rels', Buffer.from(rels)],
    ['word/document.xml', Buffer.from(document)],
    ['docProps/core.xml', Buffer.from(core)],
  ]);
}
