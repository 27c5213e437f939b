/**
 * Is this document an annual report, and which table format does it use?
 * A notice ABOUT annual reports (关于做好…年度报告编制发布工作的通知), an enterprise 年报, a statistics
 * 年报 or a 解读 is not a report even though its title says 年报. A listing page of a 年报 column
 * carries the column name as its title but no year and no report body.
 */
import { labelKey } from './normalize.ts';
import type { Template } from './record.ts';
import type { TableRow } from './tables/rows.ts';

const NOT_A_REPORT_TITLE = [
  /关于.{0,30}(做好|报送|编制|编写|发布|开展|印发|公布|上报|填报|加强).{0,40}(年度报告|年报)/,
  /(年度报告|年报).{0,20}(的通知|通知|工作方案|工作要点|的函|培训|培训班|会议|[培座推部]\S?会|评估|评议|检查|情况通报|通报)$/,
  /^(召开|举办|开展|组织)/,
  /企业.{0,6}(年度报告|年报)|年报公示|工商年报|市场主体年报|个体工商户年报|企业信用/,
  /统计(年报|年鉴|公报|月报)|年报(统计|数据)填报|财务年报|决算年报|部门决算|预算公开/,
  /^(图解|解读|一图读懂|政策解读|文字解读|图片解读)|[：:]?(图解|解读)$/,
];

const REPORT_TITLE = /(政府|政务)?信息公开(工作)?.{0,8}?(年度)?(报告|年报)|政务公开(工作)?(年度)?报告/;
const HAS_YEAR = /(19|20)\d{2}|[〇零一二三四五六七八九]{4}/;

const SECTION_HEADINGS = [/总体情况|概述/, /主动公开政府信息/, /收到和处理政府信息公开申请|依申请公开/, /行政复议|行政诉讼/, /存在的主要问题/, /其他需要报告的事项/];

export interface ReportEvidence {
  title: string | null;
  paragraphs: string[];
  hasTables: boolean;
  hasAttachments: boolean;
}

export function isNoticeTitle(title: string): boolean {
  return NOT_A_REPORT_TITLE.some((re) => re.test(title));
}

export function isReportTitle(title: string): boolean {
  return REPORT_TITLE.test(title) && HAS_YEAR.test(title) && !isNoticeTitle(title);
}

export function isReport(e: ReportEvidence): boolean {
  if (e.title && isNoticeTitle(e.title)) return false;
  const sections = SECTION_HEADINGS.filter((re) => e.paragraphs.some((p) => p.length < 80 && re.test(p))).length;
  if (e.hasTables && sections >= 2) return true;
  if (sections >= 4) return true;
  if (!e.title || !isReportTitle(e.title)) return false;
  const textLength = e.paragraphs.reduce((n, p) => n + p.length, 0);
  return textLength >= 300 || e.hasTables || e.hasAttachments;
}

const MARKERS_2021 = /制发件数|废止件数|现行有效|收费金额|不补正|缴纳费用/;
const MARKERS_2019 = /新制作|新公开|上一年项目|采购项目|采购总金额|其他对外管理服务/;

/** The table format, from the tables' own labels, else from the covered year. */
export function detectTemplate(rows: TableRow[], year: number | null, report: boolean): Template {
  let score2021 = 0;
  let score2019 = 0;
  for (const row of rows) {
    for (const cell of row.labels) {
      const k = labelKey(cell.text);
      if (MARKERS_2021.test(k)) score2021++;
      if (MARKERS_2019.test(k)) score2019++;
    }
  }
  if (score2021 || score2019) return score2021 >= score2019 ? '2021' : '2019';
  if (!report || year === null) return 'unknown';
  if (year >= 2021) return '2021';
  if (year >= 2019) return '2019';
  return 'pre2019';
}
