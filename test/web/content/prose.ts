/**
 * Report prose in the shape real reports take (templates.md §1 and §6): a preamble, the six sections
 * of the 2019/2021 formats around the tables, or the free-form sections of the pre-2019 reports. The
 * numbers quoted are the table's own, as an author would copy them.
 */
import type { ActiveTable, ApplicationsTable } from '../../../parsers/record.ts';
import type { Block } from './model.ts';
import type { ComposeSpec } from './compose.ts';
import type { Random } from './random.ts';

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 2024-03-08 -> 2024年3月8日 (sign-off dates print no leading zeros). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2023 -> 二〇二三 (some sign-offs spell the year out). */
export function chineseYear(year: number): string {
  return String(year).split('').map((d) => CN_DIGITS[Number(d)]).join('');
}

/** 1..31 -> 一 .. 三十一. */
function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? CN_DIGITS[tens] : ''}${tens > 0 ? '十' : ''}${ones ? CN_DIGITS[ones] : ''}`;
}

/** 2024-03-08 -> 二〇二四年三月八日 (the sign-off of older reports). */
export function chineseDateFull(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${chineseYear(y)}年${chineseNumber(m)}月${chineseNumber(d)}日`;
}

const p = (text: string): Block => ({ kind: 'p', text });
const h = (text: string): Block => ({ kind: 'h', text });

function office(agency: string): string {
  return /人民政府$/.test(agency) ? `${agency}办公室` : /[区县市]$/.test(agency) ? `${agency}人民政府办公室` : `${agency}办公室`;
}

export function modernBody(
  spec: ComposeSpec, rng: Random, template: '2019' | '2021', apps: ApplicationsTable, act: ActiveTable,
): Block[] {
  const { agency, year, site } = spec;
  const letter = template === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号';
  const received = apps.r1?.total ?? 0;
  const carried = apps.r2?.total ?? 0;
  const done = apps['r3.7']?.total ?? 0;
  const next = apps.r4?.total ?? 0;
  const opened = (apps['r3.1']?.total ?? 0) + (apps['r3.2']?.total ?? 0);
  const published = rng.int(180, 9000);
  const docs = act.normativeDocuments;
  const docCount = template === '2021' ? docs?.issued ?? 0 : docs?.made ?? 0;
  const tel = `0${rng.int(310, 990)}-${rng.int(2000000, 8999999)}`;
  const blocks: Block[] = [
    p(`本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（${letter}）要求，由${office(agency)}编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。本报告电子版可在“${site.name}”门户网站（${site.host}）下载。如对本报告有疑问，请与${office(agency)}联系（电话：${tel}）。`),
    h('一、总体情况'),
    p(`${year}年，${agency}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》和${rng.pick(['国务院办公厅', '省政府办公厅', '市政府办公室'])}关于政务公开工作的部署要求，坚持以公开为常态、不公开为例外，持续深化重点领域信息公开，不断提升政务公开质量和实效。`),
    p('（一）主动公开'),
    p(`全年主动公开政府信息${published}条，其中${template === '2021' ? '制发' : '新制作'}行政规范性文件${docCount}件，政策解读${rng.int(3, 120)}篇，${rng.pick(['回应社会关切', '发布重点领域信息', '更新基础信息'])}${rng.int(10, 600)}条。严格执行行政规范性文件“三统一”制度，做到应公开尽公开。`),
    p('（二）依申请公开'),
    p(`全年新收政府信息公开申请${received}件，上年结转${carried}件；办结${done}件，其中予以公开和部分公开${opened}件，结转下年度继续办理${next}件。所有申请均在法定期限内答复，未发生超期答复情况。`),
    p('（三）政府信息管理'),
    p(`健全政府信息发布审核机制，严格落实“先审查、后公开”和“一事一审”要求，全年开展行政规范性文件清理${rng.int(1, 3)}次，动态调整主动公开基本目录。`),
    p(`（四）${template === '2021' ? '政府信息公开平台建设' : '平台建设'}`),
    p(`持续加强政府网站和政务新媒体建设，优化“政府信息公开”专栏设置，全年网站访问量${rng.int(10, 900)}万人次；规范政务新媒体管理，${rng.pick(['整合关停', '清理'])}账号${rng.int(1, 9)}个。`),
    p('（五）监督保障'),
    p(`将政务公开工作纳入年度绩效考核，开展业务培训${rng.int(1, 6)}次、培训${rng.int(30, 400)}人次。全年未发生因政府信息公开工作引发的责任追究情况。`),
    h('二、主动公开政府信息情况'),
    { kind: 'table', table: 'active' },
    h('三、收到和处理政府信息公开申请情况'),
    { kind: 'table', table: 'applications' },
    h('四、政府信息公开行政复议、行政诉讼情况'),
    { kind: 'table', table: 'reviewLitigation' },
    h('五、存在的主要问题及改进情况'),
    p(`${year}年，我${/人民政府$|[区县市]$/.test(agency) ? '市' : '局'}政府信息公开工作取得了一定成效，但仍存在一些不足：一是政策解读形式还不够丰富，图解、视频等解读占比偏低；二是部分单位信息发布及时性有待提高；三是基层政务公开标准化规范化水平仍需提升。`),
    p(`针对上述问题，${year + 1}年将重点做好以下工作：一是丰富政策解读形式，提升解读质量；二是加强日常监测和通报，压实信息发布责任；三是深化基层政务公开标准化规范化建设。`),
    h('六、其他需要报告的事项'),
  ];
  if (template === '2021') {
    const fees = rng.chance(0.2);
    blocks.push(p(fees
      ? `依据《政府信息公开信息处理费管理办法》，本年度共发出收费通知${rng.int(1, 3)}件，实际收取信息处理费${rng.int(1, 9) * 100}元。`
      : `本年度${agency}未收取信息处理费，发出收费通知的件数和总金额以及实际收取的总金额均为0。`));
    if (rng.chance(0.5)) {
      blocks.push(p('（一）人大代表建议和政协提案办理结果公开情况'),
        p(`全年承办人大代表建议${rng.int(2, 60)}件、政协提案${rng.int(2, 60)}件，均已按期办结，办理复文已按规定公开。`));
    }
  } else {
    blocks.push(p(rng.pick(['无。', '本年度无其他需要报告的事项。'])));
  }
  blocks.push({ kind: 'p', text: agency, align: 'right' }, { kind: 'p', text: chineseDate(spec.date), align: 'right' });
  return blocks;
}

export function pre2019Body(spec: ComposeSpec, rng: Random): Block[] {
  const { agency, year } = spec;
  const total = rng.int(300, 6000);
  const web = Math.round(total * 0.8);
  const gazette = rng.int(10, 80);
  const requests = rng.int(0, 60);
  const [face, online] = [Math.floor(requests / 3), requests - Math.floor(requests / 3)];
  const agreed = Math.round(requests * 0.6);
  const partly = Math.round(requests * 0.1);
  const refused = requests - agreed - partly;
  const blocks: Block[] = [
    p(`本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由${office(agency)}编制。全文包括概述，主动公开政府信息情况，依申请公开政府信息情况，政府信息公开的收费及减免情况，因政府信息公开申请提起行政复议、行政诉讼的情况，政府信息公开工作存在的主要问题及改进措施，其他需要报告的事项。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`),
    h('一、概述'),
    p(`${year}年，${agency}认真贯彻落实《条例》和国务院办公厅《${year}年政务公开工作要点》，以推进权力运行公开为重点，不断完善工作机制，拓展公开渠道，政府信息公开工作取得新进展。`),
    h('二、主动公开政府信息情况'),
    p(`全年主动公开政府信息${total}条，其中通过政府网站公开${web}条，通过政府公报公开${gazette}条，通过新闻发布会、政务微博微信等其他方式公开${total - web - gazette}条。主动公开信息全文电子化率达100%。`),
    h('三、依申请公开政府信息情况'),
    p(requests === 0
      ? `${year}年未收到政府信息公开申请。`
      : `全年共受理政府信息公开申请${requests}件，其中当面申请${face}件，网上申请${online}件。已答复${requests}件，其中同意公开${agreed}件，同意部分公开${partly}件，不予公开或信息不存在${refused}件。`),
    h('四、政府信息公开的收费及减免情况'),
    p('本年度未收取任何检索、复制、邮寄等费用，未发生收费及减免情况。'),
    h('五、因政府信息公开申请提起行政复议、行政诉讼的情况'),
    p(`本年度发生因政府信息公开申请提起的行政复议${rng.int(0, 2)}件、行政诉讼${rng.int(0, 1)}件，未发生行政申诉。`),
    h('六、政府信息公开工作存在的主要问题及改进措施'),
    p('主要问题：公开内容的深度和广度有待拓展，部分单位工作人员业务水平不高。改进措施：加强业务培训，完善考核机制，进一步规范依申请公开办理流程。'),
    h('七、其他需要报告的事项'),
    p('无。'),
  ];
  if (spec.appendix) {
    blocks.push(p(`附表：${year}年度政府信息公开情况统计表`), {
      kind: 'grid', header: 1, rows: [
        ['指标名称', '计量单位', `${year}年度`, '历年累计'],
        ['一、主动公开政府信息数', '条', String(total), String(total * rng.int(4, 7))],
        ['其中：1.政府网站公开数', '条', String(web), String(web * 5)],
        ['2.政府公报公开数', '条', String(gazette), String(gazette * 5)],
        ['二、受理依申请公开信息总数', '件', String(requests), String(requests * 6)],
        ['其中：1.当面申请数', '件', String(face), String(face * 6)],
        ['2.网上申请数', '件', String(online), String(online * 6)],
        ['三、对申请的答复总数', '件', String(requests), String(requests * 6)],
        ['其中：1.同意公开答复数', '件', String(agreed), String(agreed * 6)],
        ['2.同意部分公开答复数', '件', String(partly), String(partly * 6)],
        ['四、行政复议数', '件', '0', '1'],
        ['五、行政诉讼数', '件', '0', '0'],
      ],
    });
  }
  blocks.push({ kind: 'p', text: agency, align: 'right' }, { kind: 'p', text: chineseDateFull(spec.date), align: 'right' });
  return blocks;
}
