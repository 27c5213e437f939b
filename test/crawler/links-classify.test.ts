/** Link extraction and link classification, one case per shape seen on real portals. */
import { describe, expect, it } from 'vitest';
import { attachmentType, classifyLink, linkLabel, looksLikeReportTitle } from '../../crawler/discovery/classify.ts';
import { extractLinks, normaliseUrl, resolveHref } from '../../crawler/discovery/links.ts';

const PAGE = 'http://www.demo-county.gov.cn/zwgk/zfxxgknb/index.html';

describe('extractLinks', () => {
  it('resolves relative hrefs against the page and drops dead schemes and fragments', () => {
    const links = extractLinks(
      `<a href="./202401/t20240119_1.html">a</a> <a href="../xxgk/">b</a> <a href="/">c</a>
       <a href="#top">d</a> <a href="javascript:void(0)">e</a> <a href="mailto:x@y.cn">f</a> <a href="tel:123">g</a>
       <a href=" http://Www.Demo-County.gov.cn:80/x.html#part ">h</a> <a href="list.jsp?page=2&col=3#p">i</a>`,
      PAGE,
    );
    expect(links.map((l) => [l.text, l.url])).toEqual([
      ['a', 'http://www.demo-county.gov.cn/zwgk/zfxxgknb/202401/t20240119_1.html'],
      ['b', 'http://www.demo-county.gov.cn/zwgk/xxgk/'],
      ['c', 'http://www.demo-county.gov.cn/'],
      ['h', 'http://www.demo-county.gov.cn/x.html'],
      ['i', 'http://www.demo-county.gov.cn/zwgk/zfxxgknb/list.jsp?page=2&col=3'],
    ]);
  });

  it('uses <base href> when there is one', () => {
    const links = extractLinks('<head><base href="http://xxgk.demo-county.gov.cn/gknb/"></head><a href="2024/1.html">x</a>', PAGE);
    expect(links[0].url).toBe('http://xxgk.demo-county.gov.cn/gknb/2024/1.html');
  });

  it('reads window.open and location.href in onclick and javascript: hrefs', () => {
    const links = extractLinks(
      `<li onclick="window.open('/zwgk/zfxxgk/')">政府信息公开</li>
       <a href="javascript:void(0)" onclick="javascript:window.location.href='http://xxgk.demo-county.gov.cn/';">信息公开</a>
       <a href="javascript:window.open('/zwgk/gknb/')">年报</a>`,
      PAGE,
    );
    expect(links.map((l) => [l.source, l.text, l.url])).toEqual([
      ['onclick', '政府信息公开', 'http://www.demo-county.gov.cn/zwgk/zfxxgk/'],
      ['onclick', '信息公开', 'http://xxgk.demo-county.gov.cn/'],
      ['onclick', '年报', 'http://www.demo-county.gov.cn/zwgk/gknb/'],
    ]);
  });

  it('follows meta refresh and script redirects of root pages, and frames', () => {
    const links = extractLinks(
      `<meta http-equiv="refresh" content="0; url=/zwgk/index.html"><script>window.location.href = "./xxgk/";</script>
       <iframe src="/module/xxgk/list.jsp?col=12" title="信息公开目录"></iframe>`,
      'http://www.demo-county.gov.cn/',
    );
    expect(links.map((l) => [l.source, l.url])).toEqual([
      ['refresh', 'http://www.demo-county.gov.cn/zwgk/index.html'],
      ['script', 'http://www.demo-county.gov.cn/xxgk/'],
      ['frame', 'http://www.demo-county.gov.cn/module/xxgk/list.jsp?col=12'],
    ]);
  });

  it("reads anchors written by document.write, but not ones assembled from variables", () => {
    const links = extractLinks(
      `<script>document.write("<li><a href='./202401/t20240119_9.html' title='示范县2023年政府信息公开工作年度报告'>示范县2023年…</a></li>");
       var u = "./202401/t2024_x.html"; document.write('<a href="' + u + '">x</a>');</script>`,
      PAGE,
    );
    expect(links.map((l) => [l.url, l.title])).toEqual([
      ['http://www.demo-county.gov.cn/zwgk/zfxxgknb/202401/t20240119_9.html', '示范县2023年政府信息公开工作年度报告'],
    ]);
  });

  it('ignores the text/xml datastore (read by pagination.ts) and collapses whitespace in texts', () => {
    const links = extractLinks(
      `<script type="text/xml"><datastore><record><![CDATA[<a href="/art/1.html">x</a>]]></record></datastore></script>
       <a href="/a.html">  政府信息\n\t公开　年报 </a>`,
      PAGE,
    );
    expect(links.map((l) => l.text)).toEqual(['政府信息 公开 年报']);
  });

  it('normalises URLs and resolves Windows-style backslashes', () => {
    expect(normaliseUrl('HTTP://WWW.Demo.GOV.CN:80/a?#x')).toBe('http://www.demo.gov.cn/a');
    expect(normaliseUrl('ftp://x/y')).toBeNull();
    expect(resolveHref('.\\202401\\t20240119_1.html', PAGE)).toBe('http://www.demo-county.gov.cn/zwgk/zfxxgknb/202401/t20240119_1.html');
    expect(resolveHref('  ', PAGE)).toBeNull();
  });
});

describe('classifyLink', () => {
  const u = (path: string): string => `http://www.demo-county.gov.cn${path}`;

  it.each([
    ['政府信息公开年报', '/zwgk/a/'],
    ['政府信息公开工作年度报告', '/zwgk/b/'],
    ['信息公开年报', '/c/'],
    ['政务公开年报', '/d/'],
    ['年度报告', '/e/'],
    ['工作年报', '/f/'],
    ['年报', '/g/'],
    ['示范县发展和改革局政府信息公开工作年度报告', '/h/'],
  ])('%s is a 年报 column', (text, path) => {
    expect(classifyLink({ url: u(path), text })).toMatchObject({ kind: 'reportColumn', level: 'column' });
  });

  it('ranks areas: 政府信息公开 above 信息公开 above 政务公开, all below a 年报 column', () => {
    const p = (text: string): number => classifyLink({ url: u('/x/'), text }).priority;
    expect(classifyLink({ url: u('/zwgk/'), text: '政务公开' })).toMatchObject({ kind: 'reportColumn', level: 'area' });
    expect(classifyLink({ url: u('/fdzdgknr/'), text: '法定主动公开内容' }).level).toBe('area');
    expect(p('政府信息公开')).toBeGreaterThan(p('信息公开'));
    expect(p('信息公开')).toBeGreaterThan(p('政务公开'));
    expect(p('政府信息公开年报')).toBeGreaterThan(p('政府信息公开'));
  });

  it('knows year folders inside a column', () => {
    expect(classifyLink({ url: u('/zwgk/zfxxgknb/2023nb/'), text: '2023年度' })).toMatchObject({ kind: 'reportColumn', level: 'year' });
    expect(classifyLink({ url: u('/zwgk/zfxxgknb/2022/'), text: '2022年' }).level).toBe('year');
  });

  it.each([
    ['示范县人民政府2023年政府信息公开工作年度报告'],
    ['2023年示范县教育局政府信息公开年报'],
    ['示范县2021年度政务公开工作报告'],
    ['伊宁县政府信息公开工作2023年度报告'],
    ['示范县统计局2023年政府信息公开工作年度报告'],
    ['示范县审计局二〇二三年政府信息公开工作年度报告'],
  ])('%s is a report', (text) => {
    expect(classifyLink({ url: u('/zwgk/zfxxgknb/202401/t20240119_1.html'), text }).kind).toBe('report');
  });

  it('takes the full title attribute when the text is cut short', () => {
    const link = { url: u('/a/t20240119_1.html'), text: '示范县教育局2023年政府信息公开工作年...', title: '示范县教育局2023年政府信息公开工作年度报告' };
    expect(linkLabel(link)).toBe(link.title);
    expect(classifyLink(link)).toMatchObject({ kind: 'report', priority: 100 });
    expect(classifyLink({ ...link, title: '' })).toMatchObject({ kind: 'report', reason: 'truncated report title' });
  });

  it.each([
    ['关于做好2023年政府信息公开工作年度报告编制发布工作的通知', 'notice about 年报'],
    ['示范县2023年度企业年报公示工作启动', 'enterprise 年报'],
    ['示范县统计局2023年统计年报', 'statistics 年报'],
    ['图解：示范县人民政府2023年政府信息公开工作年度报告', 'interpretation'],
    ['《示范县人民政府2023年政府信息公开工作年度报告》解读', 'interpretation'],
    ['我县召开2023年度政府信息公开工作年度报告编制培训会', 'news'],
    ['财政预决算', 'budget'],
    ['示范县2023年部门决算公开', 'budget'],
    ['示范县人民政府2023年法治政府建设年度报告', 'another kind of report'],
    ['2023年度政府信息公开工作年度报告第三方评估结果', 'news'],
  ])('%s is a distractor (%s)', (text, why) => {
    expect(classifyLink({ url: u('/xwzx/202401/t20240110_1.html'), text })).toMatchObject({ kind: 'distractor', reason: why });
  });

  it.each([
    ['/zwgk/zfxxgknb/202401/P020240125594567123456.pdf', '示范县财政局2023年政府信息公开工作年度报告.pdf', 'pdf'],
    ['/files/nb.DOCX', '附件', 'docx'],
    ['/files/nb.wps', '', 'wps'],
    ['/files/b.xlsx', '附表', 'xlsx'],
    ['/files/c.ofd', '', 'ofd'],
    ['/module/download/downfile.jsp?classid=0&filename=2301201234.pdf', '下载', 'pdf'],
    ['/module/download/downfile.jsp?id=88', '2023年度报告.doc', 'doc'],
  ])('%s is an attachment', (path, text, type) => {
    expect(classifyLink({ url: u(path), text })).toMatchObject({ kind: 'attachment', fileType: type });
  });

  it('ranks a named report attachment above an anonymous one and keeps distractor files out', () => {
    expect(classifyLink({ url: u('/a.pdf'), text: '示范县2023年政府信息公开工作年度报告.pdf' }).priority).toBeGreaterThan(
      classifyLink({ url: u('/b.pdf'), text: '附件1' }).priority,
    );
    expect(classifyLink({ url: u('/c.xls'), text: '2023年企业年报填报说明.xls' }).kind).toBe('distractor');
    expect(attachmentType({ url: u('/a/b.html'), text: 'x.pdf' })).toBeNull();
  });

  it.each([
    ['下一页', '/zwgk/zfxxgknb/index_1.html'],
    ['尾页', '/zwgk/zfxxgknb/index_9.html'],
    ['末页', '/list.jsp?pageNum=9'],
    ['3', '/zwgk/zfxxgknb/index_2.html'],
    ['>>', '/list?page=2'],
  ])('%s is pagination', (text, path) => {
    expect(classifyLink({ url: u(path), text }).kind).toBe('pagination');
  });

  it('does not take 首页 for pagination, nor a number that is not a page URL', () => {
    expect(classifyLink({ url: u('/'), text: '首页' }).kind).toBe('other');
    expect(classifyLink({ url: u('/tel.html'), text: '12345' }).kind).toBe('other');
  });

  it('reads columns and detail pages from the URL when the text says nothing', () => {
    expect(classifyLink({ url: u('/zfxxgk/zfxxgknb/'), text: '更多' })).toMatchObject({ kind: 'reportColumn', level: 'column' });
    expect(classifyLink({ url: 'http://xxgk.tongyu.gov.cn/zsts/tyxrmzfndbg/', text: '' }).kind).toBe('reportColumn');
    expect(classifyLink({ url: 'http://www.lishui.gov.cn/module/xxgk/xxgkAnnualReport.jsp?fbtime=2017&area=1', text: '' }).kind).toBe('reportColumn');
    expect(classifyLink({ url: u('/zwgk/zfxxgknb/202401/t20240119_664642.html'), text: '查看详情' })).toMatchObject({ kind: 'report', priority: 60 });
    expect(classifyLink({ url: u('/zwgk/'), text: '' })).toMatchObject({ kind: 'reportColumn', level: 'area' });
    expect(classifyLink({ url: u('/xwzx/202401/t20240107_1.html'), text: '县长调研春耕生产' }).kind).toBe('other');
  });

  it('agrees with the parser on report titles and widens it only for words between 信息公开 and 年度报告', () => {
    expect(looksLikeReportTitle('伊宁县政府信息公开工作2023年度报告')).toBe(true);
    expect(looksLikeReportTitle('政府信息公开工作年度报告')).toBe(false);
    expect(looksLikeReportTitle('关于报送2023年政府信息公开工作年度报告的通知')).toBe(false);
  });
});
