/**
 * Page chrome: what portals put around a report that is not the report. Two layers:
 * - element names (class/id tokens) of widgets inside the content area, removed from the DOM;
 * - line patterns for the chrome that survives as text (flattened pages, widgets without names).
 * Calibrated on the seeds (../shared/seeds: weather line, greeting, breadcrumb, font-size tools,
 * login widget, QR prompt, 公安备案 footer), ../shared/real/pingtan_2023.html and the fixtures in
 * test/fixtures/pages; the chrome test (test/parse-chrome.test.ts) guards them as a set.
 * Only short lines are dropped by pattern, so a report paragraph that mentions 无障碍 or 登录 stays.
 */

/** class/id tokens of widgets that sit inside article containers. */
const CHROME_NAME_RE =
  /share|bdshare|jiathis|fenxiang|fontsize|font-size|font_size|zihao|zh_|print|qrcode|qr-code|ewm|erweima|breadcrumb|crumb|weather|tianqi|login|denglu|toolbar|tools?$|dayin|guanbi|close-?btn|article_extend|next-?prev|prev-?next|sxp|shangyipian|related|xgwz|xgxx|pinglun|comment/;

export function isChromeName(token: string): boolean {
  return CHROME_NAME_RE.test(token);
}

/** Lines that are chrome wherever they appear (checked on lines up to MAX_CHROME_LINE chars). */
const CHROME_LINE_PATTERNS: RegExp[] = [
  /天气\s*[:：]/, // 黄石天气:多云
  /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(星期|周)[一二三四五六日天]/,
  /^(您好|你好)\s*[!！,，]?\s*欢迎/,
  /^欢迎(您)?(访问|光临|来到)/,
  /^(当前位置|您当前的位置|您现在的位置|您的位置|当前的位置|所在位置|位置)\s*[:：]/,
  /字号\s*[:：]?\s*[[【(（]?\s*(大|中|小|\s|]|】|\)|）)*(\s|$)/,
  /字体\s*[:：]\s*[[【(（]?\s*大\s*中\s*小/,
  /视力保护色|护眼模式|背景色\s*[:：]|阅读模式/,
  /扫一扫在手机(上)?(打开|查看)(当前页|当前页面|本页)?|手机扫一扫|扫码(在手机)?(查看|阅读)/,
  /^(分享到|分享至|分享)\s*[:：]?/,
  /^(用户登录|登录|注册|立即注册|忘记密码|退出登录|个人中心)$/,
  /还没有账号|没有账号\s*[?？]|立即注册/,
  /公网安备|公安备案|ICP\s*备|ICP\s*证|网站标识码|网站识别码/i,
  /^(版权所有|主办单位|承办单位|技术支持|维护单位|主办|承办)\s*[:：]?/,
  /^(网站地图|联系我们|关于我们|网站声明|隐私声明|纠错|我要纠错|无障碍(浏览)?|长者模式|适老化|关怀版|简体|繁體|繁体)(\s*[|｜]\s*\S+)*$/,
  /[[【]\s*(打印|关闭|打印本页|关闭窗口|收藏|返回顶部)\s*[\]】]/,
  /^(打印本页|关闭窗口|打印|关闭|返回顶部|收藏本页|加入收藏)$/,
  /(浏览|访问|点击)(次数|量)\s*[:：]\s*\d*/,
  /^(上一篇|下一篇|上一条|下一条)\s*[:：]/,
];

/** Lines of metadata printed around the body (来源, 发布时间, 索引号 …), not report text. */
const META_LINE_RE =
  /^[[【(（-]?\s*(来\s*源|信息来源|发布机构|发布时间|发布日期|日\s*期|时\s*间|索\s*引\s*号|文\s*号|发文字号|成文日期|成文时间|作\s*者|责任编辑|主\s*题\s*词|所属主题|主题分类|废止日期|有\s*效\s*性)\s*[:：]/;

const MAX_CHROME_LINE = 80;

export function isChromeLine(line: string): boolean {
  if (line.length > MAX_CHROME_LINE) return false;
  return CHROME_LINE_PATTERNS.some((re) => re.test(line)) || META_LINE_RE.test(line);
}
