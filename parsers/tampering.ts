/**
 * Injected spam: hacked government pages carry gambling brands, often swapped in for 人民政府
 * (seed 002: `芙蓉区凯发一触即发门户网站`). Detection is by brand names and by spam phrasing that a
 * government report never uses; both lists come from spam seen on hacked .gov.cn pages. Words that
 * reports use legitimately (彩票 in 体育彩票公益金, 赌博 in 打击赌博) are only caught in spam phrasing.
 */

const BRANDS = [
  '凯发', '一触即发', '新葡京', '葡京', '威尼斯人', '澳门金沙', '太阳城', '皇冠体育', '皇冠娱乐', '百家乐', '真人视讯',
  '亚博', '开云体育', '开云app', '华体会', '乐鱼体育', '必威', 'bet365', 'BET365', '365体育', '九游会', '爱游戏',
  '米乐体育', '半岛体育', '沙巴体育', '尊龙', 'AG真人', 'ag真人', '博天堂', '天博体育', '永利皇宫', '银河娱乐', '新濠天地',
  '美高梅', '澳门博彩', '威廉希尔', '立博', '伟德', '金博宝', '雷竞技', '竞博', '乐动体育', '博彩', '娱乐城', '赌场',
];

const SPAM_PHRASES = [
  /(娱乐|体育|棋牌|彩票|真人|电子|捕鱼|电竞)(官网|官方网站|平台|app|APP|入口|注册|登录|下载)/,
  /(澳门|香港)(六合彩|赌场|娱乐|彩票|博彩)/,
  /(网投|网赌|赌球|外围)(平台|网站|官网|app)/i,
];

const BRAND_RE = new RegExp(BRANDS.map((b) => b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** The spam found in a report's text, or null when none. */
export function findTampering(text: string): string | null {
  const brand = BRAND_RE.exec(text);
  if (brand) return brand[0];
  for (const re of SPAM_PHRASES) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return null;
}
