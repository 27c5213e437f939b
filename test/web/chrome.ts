/**
 * Page chrome shared by the portals: the furniture real government pages carry around the content
 * (seen on the seeds and real/pingtan_2023.html) and that a parser must strip. Each portal arranges
 * these pieces in its own layout and class names.
 */
import { escapeHtml } from './render/report.ts';

export interface SiteIdentity {
  /** 安澜市人民政府 */
  name: string;
  /** City name for the weather banner (安澜). */
  weatherCity: string;
  /** 主办单位 */
  sponsor: string;
  address: string;
  phone: string;
  /** e.g. 澜ICP备05012345号-1 (a real-looking province abbreviation is kept fictional on purpose). */
  icp: string;
  /** e.g. 澜公网安备 99010202000123号 */
  police: string;
  /** 网站标识码 */
  siteCode: string;
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** 2024年03月08日 星期五 安澜天气:多云 */
export function weatherBanner(id: SiteIdentity, iso: string, weather = '多云'): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const [y, m, day] = iso.split('-');
  return `<span class="date">${y}年${m}月${day}日 ${WEEKDAYS[d.getUTCDay()]}</span> <span class="weather">${escapeHtml(id.weatherCity)}天气:${weather} <em>12℃~21℃</em></span>`;
}

export function greeting(id: SiteIdentity): string {
  return `<span class="welcome">您好! 欢迎光临${escapeHtml(id.name)}网站!</span>`;
}

export function breadcrumbs(items: [string, string | null][], sep = ' &gt; '): string {
  const parts = items.map(([text, href]) => (href ? `<a href="${href}">${escapeHtml(text)}</a>` : `<span>${escapeHtml(text)}</span>`));
  return `<div class="position">当前位置:${parts.join(sep)}</div>`;
}

export function fontTools(): string {
  return '<span class="font-tools">字号:[<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>] <a href="javascript:void(0)" onclick="setEyeColor()">视力保护色</a></span>';
}

export function loginWidget(): string {
  return '<div class="user-box"><a href="javascript:;" class="btn-login">用户登录</a> <span>还没有账号?</span> <a href="javascript:;" class="btn-reg">立即注册</a></div>';
}

export function accessibility(): string {
  return '<a href="javascript:;" class="wza">无障碍</a> | <a href="javascript:;" class="zzms">长者模式</a> | <a href="javascript:;" class="jt">简体</a>/<a href="javascript:;" class="ft">繁體</a>';
}

export function shareBar(): string {
  return '<div class="share-box">分享到: <a href="javascript:;" class="share-wx" title="分享到微信">微信</a> <a href="javascript:;" class="share-wb" title="分享到微博">微博</a> <a href="javascript:;" class="share-qq">QQ空间</a></div>'
    + '<div class="qr-box"><img src="/images/qrcode.png" alt="二维码" width="90" height="90"/><p>扫一扫在手机打开当前页</p></div>';
}

export function printClose(): string {
  return '<div class="print-close">【<a href="javascript:window.print()">打印本页</a>】 【<a href="javascript:window.close()">关闭窗口</a>】</div>';
}

export function footer(id: SiteIdentity): string {
  return `<div class="footer"><div class="footer-links"><a href="/">网站地图</a> | <a href="/">联系我们</a> | <a href="/">网站声明</a> | <a href="/">隐私保护</a></div>`
    + `<p>主办单位:${escapeHtml(id.sponsor)}　地址:${escapeHtml(id.address)}　联系电话:${escapeHtml(id.phone)}</p>`
    + `<p><a href="https://beian.miit.gov.cn/" target="_blank">${escapeHtml(id.icp)}</a>　<img src="/images/ga.png" alt=""/> <a href="http://www.beian.gov.cn/portal/registerSystemInfo" target="_blank">${escapeHtml(id.police)}</a>　网站标识码:${escapeHtml(id.siteCode)}</p>`
    + '<p><img src="/images/red.png" alt="党政机关"/> <img src="/images/jiucuo.png" alt="政府网站找错"/> 建议使用1920×1080分辨率浏览</p></div>';
}

/** Links to other governments, as every portal has: offsite, a crawler must not follow them. */
export function friendLinks(): string {
  return '<div class="friend-links"><select onchange="window.open(this.value)"><option>国家部委网站</option><option value="https://www.gov.cn/">中国政府网</option><option value="https://www.ndrc.gov.cn/">国家发展改革委</option></select> <a href="https://www.gov.cn/" target="_blank">中国政府网</a> <a href="https://www.12345.gov.cn/" target="_blank">12345热线</a></div>';
}
