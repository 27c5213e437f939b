/**
 * An HTML page -> PageDocument: one parse, one walk. The walk emits the whole body as lines (for
 * metadata labels, which sit outside the article) and records which blocks fall inside the content
 * root (the report itself). Tables that contain tables are layout, not data: their cells are walked
 * as containers. Data tables become grid rows.
 */
import type { Block, PageDocument } from '../document.ts';
import type { Attachment } from '../record.ts';
import { isChromeName } from '../chrome.ts';
import { collapseSpaces } from '../normalize.ts';
import { BLOCK_TAGS, INVISIBLE_TAGS, cellText, findAll, findFirst, isElement, isHidden, nameTokens, parseHtml, type AnyNode, type Document, type Element } from './dom.ts';
import { findBody, findContentRoot } from './content.ts';
import { tableGrid } from './grid.ts';

const ATTACHMENT_RE = /\.(pdf|docx?|wps|xlsx?|et|ofd|zip|rar|7z)(?:[?#]|$)/i;

function hasNestedTable(table: Element): boolean {
  return table.children.some((child) => findFirst(child, (el) => el.name === 'table') !== null);
}

class Walker {
  blocks: Block[] = [];
  contentStart = -1;
  contentEnd = -1;
  contentImages = 0;
  attachments: Attachment[] = [];
  private line: string[] = [];
  private tableCount = 0;
  private inContent = false;

  constructor(
    private readonly contentRoot: AnyNode,
    private readonly baseUrl: string | null,
  ) {}

  private flush(): void {
    if (!this.line.length) return;
    const text = collapseSpaces(this.line.join(''));
    this.line = [];
    if (text) this.blocks.push({ kind: 'paragraph', text });
  }

  /** A file link: by the href's extension, or by the anchor text's (`download.jsp?id=…` named `…报告.docx`). */
  private link(el: Element): void {
    const href = el.attribs.href;
    if (!href || /^(javascript|mailto|tel):/i.test(href)) return;
    const text = collapseSpaces(cellText(el));
    const type = (ATTACHMENT_RE.exec(href)?.[1] ?? ATTACHMENT_RE.exec(text)?.[1] ?? '').toLowerCase();
    if (!type) return;
    let url = href;
    try {
      if (this.baseUrl) url = new URL(href, this.baseUrl).href;
    } catch {
      /* keep the href as written */
    }
    if (!this.attachments.some((a) => a.url === url)) this.attachments.push({ url, text, type });
  }

  private table(table: Element): void {
    const grid = tableGrid(table);
    const index = this.tableCount++;
    for (const row of grid.rows) {
      if (row.cells.some((c) => c.text)) {
        this.blocks.push({ kind: 'row', cells: row.cells, table: index, width: grid.width, exact: true });
      }
    }
    if (this.inContent) this.contentImages += findAll(table, (el) => el.name === 'img').length;
    for (const a of findAll(table, (el) => el.name === 'a')) this.link(a);
  }

  walk(node: AnyNode): void {
    if (node.type === 'text') {
      this.line.push((node as unknown as { data: string }).data);
      return;
    }
    if (!isElement(node)) {
      for (const child of (node as unknown as { children?: AnyNode[] }).children ?? []) this.walk(child);
      return;
    }
    if (INVISIBLE_TAGS.has(node.name) || isHidden(node)) return;
    if (this.inContent && nameTokens(node).some(isChromeName)) return;
    const entering = node === this.contentRoot;
    if (entering) {
      this.flush();
      this.inContent = true;
      this.contentStart = this.blocks.length;
    }
    if (node.name === 'a') this.link(node);
    if (node.name === 'img' && this.inContent) this.contentImages++;
    if (node.name === 'br') this.flush();
    else if (node.name === 'table' && !hasNestedTable(node)) {
      this.flush();
      this.table(node);
    } else {
      const block = BLOCK_TAGS.has(node.name);
      if (block) this.flush();
      for (const child of node.children) this.walk(child);
      if (block) this.flush();
    }
    if (entering) {
      this.flush();
      this.inContent = false;
      this.contentEnd = this.blocks.length;
    }
  }

  finish(): void {
    this.flush();
  }
}

function blockLine(block: Block): string {
  return block.kind === 'paragraph' ? block.text : block.cells.filter((c) => !c.inherited).map((c) => c.text).join(' | ');
}

function metaTags(root: AnyNode): { tags: Record<string, string>; title: string | null } {
  const tags: Record<string, string> = {};
  let title: string | null = null;
  const visit = (node: AnyNode): void => {
    if (!isElement(node)) return;
    if (node.name === 'meta') {
      const name = (node.attribs.name ?? node.attribs.property ?? '').toLowerCase();
      if (name && node.attribs.content !== undefined && !(name in tags)) tags[name] = collapseSpaces(node.attribs.content);
    } else if (node.name === 'title' && title === null) {
      title = collapseSpaces(cellText(node));
    }
    if (node.name === 'body') return;
    for (const child of node.children) visit(child);
  };
  for (const child of (root as Element).children ?? []) visit(child);
  return { tags, title };
}

/** Elements that print an article's title, as CMS templates name them. */
const TITLE_NAME_RE = /title|biaoti|^bt$|^tit$|headline|^h1$/;

function headingTitle(body: AnyNode): string | null {
  const el = findFirst(body, (e) => {
    if (!(['h1', 'h2', 'h3', 'div', 'p', 'td', 'span', 'strong'].includes(e.name))) return false;
    const named = /^h[1-3]$/.test(e.name) || nameTokens(e).some((t) => TITLE_NAME_RE.test(t));
    if (!named) return false;
    const text = collapseSpaces(cellText(e));
    return text.length >= 6 && text.length <= 120 && /报告|年报/.test(text) && /\d{4}|[〇零一二三四五六七八九]{4}/.test(text);
  });
  return el ? collapseSpaces(cellText(el)) : null;
}

/** `doc`: the tree of `html` when the caller has built it already. */
export function readHtmlPage(html: string, url: string | null, parsed?: Document): PageDocument {
  const doc = parsed ?? parseHtml(html);
  const { tags, title } = metaTags(doc);
  const body = findBody(doc) ?? doc;
  const root = findContentRoot(doc);
  const walker = new Walker(root, url);
  walker.walk(body);
  walker.finish();
  const all = walker.blocks;
  const start = walker.contentStart >= 0 ? walker.contentStart : 0;
  const end = walker.contentEnd >= 0 ? walker.contentEnd : all.length;
  const tail = html.slice(-2048).toLowerCase();
  return {
    blocks: all.slice(start, end),
    metaTags: tags,
    htmlTitle: title,
    headingTitle: headingTitle(body),
    pageLines: all.map(blockLine),
    attachments: walker.attachments,
    contentImages: walker.contentImages,
    truncated: /<html[\s>]/i.test(html.slice(0, 4096)) && !tail.includes('</html>') && !tail.includes('</body>'),
  };
}
