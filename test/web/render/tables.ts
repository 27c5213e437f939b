/**
 * The three official tables (templates.md §2–§4) as an abstract grid of cells with row/col spans,
 * built from a record. HTML, DOCX and PDF writers all draw from this one model, so every copy of a
 * report has the same cells.
 */
import type { ActiveTable, ApplicationsTable, ItemCounts2019, ReviewLitigationTable } from '../../../parsers/record.ts';
import { APPLICANT_COLUMNS, OUTCOME_COLUMNS, REVIEW_BLOCKS } from '../../../parsers/record.ts';
import type { TableStyle } from '../content/model.ts';
import { applicationRows } from '../content/truth.ts';
import { change, count, label, money } from './cells.ts';

export interface Cell {
  /** Text; `\n` is a line break inside the cell (`商业<br>企业`). */
  text: string;
  colspan?: number;
  rowspan?: number;
  header?: boolean;
}
export type TableModel = Cell[][];

const c = (text: string, colspan?: number, rowspan?: number): Cell => ({ text, colspan, rowspan });
const hc = (text: string, colspan?: number, rowspan?: number): Cell => ({ text, colspan, rowspan, header: true });

export function activeTable(a: ActiveTable, template: '2019' | '2021', s: TableStyle): TableModel {
  const rows: TableModel = [];
  const section = (n: string) => rows.push([hc(label(`第二十条第（${n}）项`, s), 4)]);
  const suffix = (text: string) => `${text}${s.rowSuffix}`;
  if (a.regulations || a.normativeDocuments) {
    section('一');
    if (template === '2021') {
      rows.push([hc('信息内容'), hc('本年制发件数'), hc('本年废止件数'), hc('现行有效件数')]);
      for (const [name, v] of [['规章', a.regulations], ['行政规范性文件', a.normativeDocuments]] as const) {
        if (v) rows.push([c(name), c(count(v.issued, s)), c(count(v.repealed, s)), c(count(v.inForce, s))]);
      }
    } else {
      rows.push([hc('信息内容'), hc('本年新\n制作数量'), hc('本年新\n公开数量'), hc('对外公开总数量')]);
      for (const [name, v] of [['规章', a.regulations], ['规范性文件', a.normativeDocuments]] as const) {
        if (v) rows.push([c(name), c(count(v.made, s)), c(count(v.published, s)), c(count(v.total, s))]);
      }
    }
  }
  const items2019 = (name: string, v: ItemCounts2019) => {
    if (v.breakdown?.length) {
      const n = v.breakdown.length;
      const sep = s.parens === 'half' ? ':' : '：';
      v.breakdown.forEach((part, i) => {
        const cells = [c(`${part.label}${sep}${count(part.previousItems, s)}`), c(change(part.change, s))];
        rows.push(i === 0 ? [c(suffix(name), undefined, n), ...cells, c(count(v.decisions, s), undefined, n)] : cells);
      });
    } else {
      rows.push([c(suffix(name)), c(count(v.previousItems, s)), c(change(v.change, s)), c(count(v.decisions, s))]);
    }
  };
  const decisionsBlock = (n: string, entries: [string, ItemCounts2019 | undefined][]) => {
    if (!entries.some(([, v]) => v)) return;
    section(n);
    if (template === '2021') {
      rows.push([hc('信息内容'), hc('本年处理决定数量', 3)]);
      for (const [name, v] of entries) if (v) rows.push([c(suffix(name)), c(count(v.decisions, s), 3)]);
    } else {
      rows.push([hc('信息内容'), hc('上一年项目数量'), hc('本年增/减'), hc('处理决定数量')]);
      for (const [name, v] of entries) if (v) items2019(name, v);
    }
  };
  decisionsBlock('五', template === '2021' ? [['行政许可', a.licensing]] : [['行政许可', a.licensing], ['其他对外管理服务事项', a.otherServices]]);
  decisionsBlock('六', [['行政处罚', a.penalty], ['行政强制', a.coercion]]);
  if (a.fees) {
    section('八');
    if (template === '2021') {
      rows.push([hc('信息内容'), hc(label('本年收费金额（单位：万元）', s), 3)]);
      rows.push([c(suffix('行政事业性收费')), c(count(a.fees.amount, s), 3)]);
    } else {
      rows.push([hc('信息内容'), hc('上一年项目数量'), hc('本年增/减'), hc('')]);
      rows.push([c(suffix('行政事业性收费')), c(count(a.fees.previousItems, s)), c(change(a.fees.change, s)), c('')]);
    }
  }
  if (template === '2019' && a.procurement) {
    section('九');
    const amountHeader = s.procurementUnit === 'header' ? label('采购总金额（万元）', s) : '采购总金额';
    rows.push([hc('信息内容'), hc('采购项目数量'), hc(amountHeader, 2)]);
    rows.push([c('政府集中采购'), c(count(a.procurement.items, s)), c(money(a.procurement.amount, s), 2)]);
  }
  return rows;
}

const APPLICATION_LABELS: Record<string, string> = {
  r1: '一、本年新收政府信息公开申请数量',
  r2: '二、上年结转政府信息公开申请数量',
  'r3.1': '（一）予以公开',
  'r3.2': '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  'r3.3.1': '1.属于国家秘密', 'r3.3.2': '2.其他法律行政法规禁止公开', 'r3.3.3': '3.危及“三安全一稳定”',
  'r3.3.4': '4.保护第三方合法权益', 'r3.3.5': '5.属于三类内部事务信息', 'r3.3.6': '6.属于四类过程性信息',
  'r3.3.7': '7.属于行政执法案卷', 'r3.3.8': '8.属于行政查询事项',
  'r3.4.1': '1.本机关不掌握相关政府信息', 'r3.4.2': '2.没有现成信息需要另行制作', 'r3.4.3': '3.补正后申请内容仍不明确',
  'r3.5.1': '1.信访举报投诉类申请', 'r3.5.2': '2.重复申请', 'r3.5.3': '3.要求提供公开出版物',
  'r3.5.4': '4.无正当理由大量反复申请', 'r3.5.5': '5.要求行政机关确认或重新出具已获取信息',
  'r3.6': '（六）其他处理',
  'r3.6.1': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  'r3.6.2': '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  'r3.6.3': '3.其他',
  'r3.7': '（七）总计',
  r4: '四、结转下年度继续办理',
};

/** Group cells that open a run of level-3 rows: key of the first row -> [label, rowspan]. */
const GROUPS: Record<string, [string, number]> = {
  'r3.3.1': ['（三）不予公开', 8], 'r3.4.1': ['（四）无法提供', 3], 'r3.5.1': ['（五）不予处理', 5], 'r3.6.1': ['（六）其他处理', 3],
};

export function applicationsTable(apps: ApplicationsTable, template: '2019' | '2021', s: TableStyle): TableModel {
  const spaced = (t: string) => (s.spacedLabels ? t.split('').join(' ') : t);
  const split = (t: string) => (s.splitHeaders ? t.replace(/^(商业|科研|社会公益|法律服务)/, '$1\n') : t);
  const rows: TableModel = [
    [hc(label('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', s), 3, 3), hc('申请人情况', 7)],
    [hc(spaced('自然人'), undefined, 2), hc('法人或其他组织', 5), hc(spaced(s.totalLabel), undefined, 2)],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => hc(split(t))),
  ];
  for (const key of applicationRows(template)) {
    const values = apps[key];
    const numbers = APPLICANT_COLUMNS.map((col) => c(count(values ? values[col] : null, s)));
    const name = label(APPLICATION_LABELS[key] as string, s);
    const lead: Cell[] = [];
    if (key === 'r3.1') lead.push(c('三、本年度办理结果', undefined, template === '2019' ? 20 : 22));
    const group = GROUPS[key];
    if (group) lead.push(c(label(group[0], s), undefined, group[1]));
    const level = key.split('.').length;
    const span = key === 'r1' || key === 'r2' || key === 'r4' ? 3 : level === 2 || key === 'r3.6' ? 2 : undefined;
    rows.push([...lead, c(name, span), ...numbers]);
  }
  return rows;
}

export function reviewTable(r: ReviewLitigationTable, s: TableStyle): TableModel {
  const outcomes = [s.upheldLabel, '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    [hc('行政复议', 5), hc('行政诉讼', 10)],
    [...outcomes.map((t) => hc(t, undefined, 2)), hc('未经复议直接起诉', 5), hc('复议后起诉', 5)],
    [...outcomes, ...outcomes].map((t) => hc(t)),
    REVIEW_BLOCKS.flatMap((b) => OUTCOME_COLUMNS.map((col) => c(count(r[b]?.[col] ?? null, s)))),
  ];
}
