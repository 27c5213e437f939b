/**
 * Finding the main content of a page: first the containers that CMS families name (TRS
 * `.TRS_Editor`/`#zoom`, Hanweb `#zoom`/`.bt_content`, UCAP `#UCAP-CONTENT`, Jiangsu 集约化
 * `.article-content`, Guangdong gkmlpt `.article-content` …); failing those, a descent from <body>
 * into the child that holds most of the non-link text, as long as it holds most of it.
 */
import { INVISIBLE_TAGS, isElement, isHidden, nameTokens, type AnyNode, type Document, type Element } from './dom.ts';

/** Container names seen on real portals, most specific first. */
const CONTENT_NAMES = [
  'trs_editor', 'trs_paper_default', 'zoom', 'ucap-content', 'ucapcontent', 'article_content', 'article-content',
  'articlecontent', 'art_content', 'art-content', 'bt_content', 'bt-content', 'detail_content', 'detail-content',
  'news_content', 'news-content', 'content_text', 'con_text', 'contenttext', 'zwnr', 'zw', 'wz_zw', 'main-txt',
  'main_txt', 'xxgk_content', 'info_content', 'info-content', 'pages_content', 'view', 'article', 'txt', 'content',
];
const CONTENT_RANK = new Map(CONTENT_NAMES.map((n, i) => [n, i]));

/** A named container must hold at least this much text to be trusted (some are empty shells). */
const MIN_NAMED_TEXT = 150;
/** Descend into a child while it holds at least this share of its parent's non-link text. */
const DESCENT_SHARE = 0.6;

interface TextWeight {
  text: number;
  link: number;
}

/** Text and link-text length of every element, in one post-order pass. */
function measure(root: AnyNode): Map<Element, TextWeight> {
  const weights = new Map<Element, TextWeight>();
  const visit = (node: AnyNode, inLink: boolean): TextWeight => {
    if (node.type === 'text') {
      const n = (node as unknown as { data: string }).data.replace(/\s+/g, '').length;
      return { text: n, link: inLink ? n : 0 };
    }
    if (!isElement(node) || INVISIBLE_TAGS.has(node.name) || isHidden(node)) return { text: 0, link: 0 };
    const w: TextWeight = { text: 0, link: 0 };
    const childInLink = inLink || node.name === 'a';
    for (const child of node.children) {
      const cw = visit(child, childInLink);
      w.text += cw.text;
      w.link += cw.link;
    }
    weights.set(node, w);
    return w;
  };
  visit(root, false);
  return weights;
}

function ownText(w: TextWeight | undefined): number {
  return w ? w.text - w.link : 0;
}

function namedContainer(weights: Map<Element, TextWeight>): Element | null {
  let best: Element | null = null;
  let bestRank = Infinity;
  let bestText = 0;
  for (const [el, w] of weights) {
    const text = ownText(w);
    if (text < MIN_NAMED_TEXT) continue;
    for (const token of nameTokens(el)) {
      const rank = CONTENT_RANK.get(token);
      if (rank === undefined) continue;
      // A less specific name wins only when it holds clearly more text (the specific one is a fragment).
      if (rank < bestRank ? text * 2 >= bestText : text > bestText * 2) {
        best = el;
        bestRank = rank;
        bestText = text;
      }
    }
  }
  return best;
}

function densestDescent(body: Element, weights: Map<Element, TextWeight>): Element {
  let node = body;
  for (;;) {
    const total = ownText(weights.get(node));
    let best: Element | null = null;
    let bestText = 0;
    for (const child of node.children) {
      if (!isElement(child)) continue;
      const t = ownText(weights.get(child));
      if (t > bestText) {
        best = child;
        bestText = t;
      }
    }
    if (!best || bestText < total * DESCENT_SHARE) return node;
    node = best;
  }
}

export function findBody(doc: Document): Element | null {
  const stack: AnyNode[] = [...doc.children];
  while (stack.length) {
    const node = stack.shift()!;
    if (isElement(node)) {
      if (node.name === 'body') return node;
      stack.push(...node.children);
    }
  }
  return null;
}

/** The element holding the report's main text. */
export function findContentRoot(doc: Document): Element | AnyNode {
  const body = findBody(doc) ?? doc;
  const weights = measure(body);
  return namedContainer(weights) ?? (isElement(body) ? densestDescent(body, weights) : body);
}
