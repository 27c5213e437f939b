/**
 * Pages that are NOT annual reports but look like them to a careless classifier: news and notices that
 * mention 年报, enterprise and statistics 年报, notices about preparing the 年报 (which quote the format's
 * headings), assessments of other bodies' reports, other 年度报告 and 财政预决算 pages.
 */
import type { Block, DistractorDoc, DistractorKind } from './model.ts';

const p = (text: string): Block => ({ kind: 'p', text });

export interface Region {
  /** 安澜市 */
  name: string;
  /** 安澜市人民政府办公室 */
  office: string;
}

export function distractor(kind: DistractorKind, region: Region, year: number, date: string, id: string): DistractorDoc {
  const r = region.name;
  switch (kind) {
    case 'notice-prepare':
      return {
        id, kind, date, publisher: region.office,
        title: `关于做好${year}年度政府信息公开工作年度报告编制发布工作的通知`,
        body: [
          p('各县（市、区）人民政府，市政府各部门：'),
          p(`根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，现就做好${year}年度政府信息公开工作年度报告（以下简称年度报告）编制发布工作通知如下：`),
          p('一、严格按照统一格式编制。年度报告应包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分，其中“收到和处理政府信息公开申请情况”表格中，第一项加第二项之和，应等于第三项加第四项之和。'),
          p(`二、按时发布。市政府各部门应于${year + 1}年1月31日前，各县（市、区）人民政府应于${year + 1}年2月20日前，在本级政府门户网站“政府信息公开年报”栏目发布年度报告。`),
          p('三、加强审核把关。各单位要认真核对年度报告数据，确保数据准确、前后一致，不得年年雷同。'),
          { kind: 'p', text: region.office, align: 'right' },
        ],
      };
    case 'enterprise-annual':
      return {
        id, kind, date, publisher: `${r}市场监督管理局`,
        title: `关于开展${year}年度企业年度报告公示工作的通告`,
        body: [
          p(`根据《企业信息公示暂行条例》规定，${year}年度企业年度报告公示工作自${year + 1}年1月1日起开始，至6月30日结束。请辖区内各类企业、农民专业合作社通过国家企业信用信息公示系统报送${year}年度年报，个体工商户可通过纸质或网上方式报送年报。`),
          p('未按规定期限公示年度报告的企业，将被列入经营异常名录；个体工商户未按规定报送年度报告的，将被标记为经营异常状态。'),
          p(`咨询电话：${r}市场监督管理局企业监管科。`),
        ],
      };
    case 'statistics-annual':
      return {
        id, kind, date, publisher: `${r}统计局`,
        title: `${r}召开${year}年统计年报暨${year + 1}年定期统计报表布置会`,
        body: [
          p(`${year}年12月，${r}统计局召开${year}年统计年报暨${year + 1}年定期统计报表制度布置会议，全市各县（市、区）统计局、市直有关部门统计人员参加会议。`),
          p('会议对统计年报工作进行了全面部署，要求各单位严格执行统计法律法规，确保年报数据真实准确、完整及时，坚决防范和惩治统计造假、弄虚作假。'),
          p(`会议还对${year}年规模以上工业、固定资产投资、服务业等专业年报报表进行了业务培训。`),
        ],
      };
    case 'news':
      return {
        id, kind, date, publisher: `${r}融媒体中心`,
        title: `${r}举办政务公开暨政府信息公开年报编制业务培训班`,
        body: [
          p(`为进一步提升全市政务公开工作水平，${date.slice(0, 4)}年${Number(date.slice(5, 7))}月，${r}举办政务公开业务培训班，各县（市、区）和市直部门政务公开工作人员共120余人参加培训。`),
          p('培训围绕政府信息公开工作年度报告编制、依申请公开办理、政策解读等内容进行了深入讲解，并通报了上一年度各单位年报发布中存在的数据不一致、格式不规范等问题。'),
          p('参训人员纷纷表示，将把培训成果运用到实际工作中，切实提高年报编制质量。'),
        ],
      };
    case 'budget':
      return {
        id, kind, date, publisher: `${r}财政局`,
        title: `${r}${year}年市级一般公共预算收支决算情况`,
        body: [
          p(`${year}年，全市一般公共预算收入完成预算的102.3%，同比增长5.6%；一般公共预算支出完成调整预算的96.8%。现将${year}年市级财政决算报表予以公开。`),
          {
            kind: 'grid', header: 1, rows: [
              ['项目', '预算数（万元）', '决算数（万元）', '完成预算%'],
              ['一般公共预算收入', '1256300', '1285174', '102.3'],
              ['一般公共预算支出', '2017800', '1953230', '96.8'],
              ['政府性基金预算收入', '563200', '498760', '88.6'],
            ],
          },
          p('附件：市级一般公共预算收支决算表、政府性基金收支决算表、“三公”经费决算情况说明。'),
        ],
      };
    case 'other-report':
      return {
        id, kind, date, publisher: region.office,
        title: `${r}${year}年度法治政府建设情况报告`,
        body: [
          p(`${year}年，${r}深入学习贯彻习近平法治思想，全面落实《法治政府建设实施纲要》，法治政府建设取得新成效。现将有关情况报告如下：`),
          p('一、主要举措和成效'),
          p(`（一）深化“放管服”改革。全年办理行政许可事项${(year % 100) * 931}件，行政复议案件${(year % 100) * 3}件，政府信息公开工作持续规范。`),
          p('二、存在的不足和原因'),
          p('三、下一年度工作安排'),
        ],
      };
    case 'assessment':
      return {
        id, kind, date, publisher: region.office,
        title: `关于${year}年度政府信息公开工作年度报告检查情况的通报`,
        body: [
          p(`近期，市政务公开办对全市各单位${year}年度政府信息公开工作年度报告发布情况进行了检查。从检查情况看，各单位均按时发布了年度报告，但仍有部分单位存在以下问题：`),
          p('一是数据勾稽关系错误，“收到和处理政府信息公开申请情况”表中第一项与第二项之和不等于第三项与第四项之和；二是使用旧版格式，仍沿用2019年版表格；三是年度报告内容与上年雷同。'),
          p('请相关单位于5个工作日内完成整改，并重新发布年度报告。'),
        ],
      };
  }
}
