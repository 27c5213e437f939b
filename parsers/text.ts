/** The record's `text`: the main content in reading order, one paragraph or table row a line. */
import { isChromeLine } from './chrome.ts';
import type { Block } from './document.ts';

export function blockText(block: Block): string {
  if (block.kind === 'paragraph') return block.text;
  return block.cells.filter((c) => !c.inherited && c.text).map((c) => c.text).join(' | ');
}

export function mainText(blocks: Block[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    const line = blockText(block);
    if (line && !isChromeLine(line)) lines.push(line);
  }
  // A trailing attachment label with nothing after it is the CMS's empty 附件 box.
  while (lines.length && /^附件\s*[:：]?$/.test(lines[lines.length - 1])) lines.pop();
  return lines.join('\n');
}
