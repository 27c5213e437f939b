/**
 * Page snippets in the shapes real CMSes serve (structure, class names, scripts and URL forms copied
 * from portals in /work/shared/data/portals.csv; names and numbers made up). Hosts are the demo web's.
 */

/** TRS WCM 年报 column: relative `./YYYYMM/tYYYYMMDD_ID.html` items, `createPageHTML` pager. */
export const TRS_LISTING = `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>政府信息公开年报_示范县人民政府</title>
<meta name="SiteName" content="示范县人民政府">
<meta name="ColumnName" content="政府信息公开年报">
<meta name="ColumnType" content="政府信息公开年报">
<link href="../../images/style.css" rel="stylesheet" type="text/css">
</head>
<body>
<div class="header">
  <ul class="nav">
    <li><a href="../../">首页</a></li>
    <li><a href="../../zwgk/">政务公开</a></li>
    <li><a href="../../xwzx/">新闻中心</a></li>
  </ul>
</div>
<div class="main">
  <div class="left">
    <ul class="side-menu">
      <li><a href="../zfxxgkzn/">政府信息公开指南</a></li>
      <li><a href="../zfxxgkzd/">政府信息公开制度</a></li>
      <li class="on"><a href="./">政府信息公开年报</a></li>
      <li><a href="../bmnb/">部门政府信息公开年报</a></li>
    </ul>
  </div>
  <div class="right">
    <div class="position">当前位置：<a href="../../">首页</a> &gt; <a href="../">政务公开</a> &gt; <a href="./">政府信息公开年报</a></div>
    <ul class="list">
      <li><a href="./202401/t20240119_664642.html" target="_blank" title="示范县人民政府2023年政府信息公开工作年度报告">示范县人民政府2023年政府信息公开工作年度报告</a><span>2024-01-19</span></li>
      <li><a href="./202401/t20240118_664600.html" target="_blank" title="示范县教育局2023年政府信息公开工作年度报告">示范县教育局2023年政府信息公开工作年...</a><span>2024-01-18</span></li>
      <li><a href="./202312/t20231201_660001.html" target="_blank" title="关于做好2023年政府信息公开工作年度报告编制发布工作的通知">关于做好2023年政府信息公开工作年度报告编制发布工作的通知</a><span>2023-12-01</span></li>
      <li><a href="./202401/P020240125594567123456.pdf">示范县财政局2023年政府信息公开工作年度报告.pdf</a><span>2024-01-25</span></li>
      <li><a href="http://www.demo-county.gov.cn/zwgk/zfxxgknb/202301/t20230120_55123.html" target="_blank" title="示范县人民政府2022年政府信息公开工作年度报告">示范县人民政府2022年政府信息公开工作年度报告</a><span>2023-01-20</span></li>
    </ul>
    <div class="page">
      <script type="text/javascript">
        var currentPage = 0;//所在页从0开始
        var prevPage = currentPage-1//上一页
        var nextPage = currentPage+1//下一页
        var countPage = 5//共多少页
        createPageHTML(countPage, currentPage, "index", "html");
      </script>
    </div>
  </div>
</div>
<div class="footer"><a href="http://www.gov.cn/" target="_blank">中国政府网</a> <a href="https://bszs.conac.cn/sitename?method=show&id=1">党政机关</a></div>
</body>
</html>`;

/** 大汉 Hanweb column page: first group inline in a text/xml datastore, the rest via jpage/dataproxy. */
export const HANWEB_COLUMN = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>政府信息公开年报 示范市人民政府</title>
<meta name="ColumnName" content="政府信息公开年报">
<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>
</head>
<body>
<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td>
<div id="5678"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=12&path=/&columnid=1234&unitid=5678&webname=%E7%A4%BA%E8%8C%83%E5%B8%82&permissiontype=0"></a>]]></nextgroup>
<recordset>
<record><![CDATA[
<li><a href="/art/2024/1/20/art_1234_100001.html" title="示范市人民政府2023年政府信息公开工作年度报告" target="_blank">示范市人民政府2023年政府信息公开工作年度报告</a><span>2024-01-20</span></li>
]]></record>
<record><![CDATA[
<li><a href="/art/2024/1/18/art_1234_100000.html" title="示范市交通运输局2023年政府信息公开工作年度报告" target="_blank">示范市交通运输局2023年政府信息公开工作年度报告</a><span>2024-01-18</span></li>
]]></record>
<record><![CDATA[
<li><a href="/art/2023/12/5/art_1234_99990.html" title="示范市人民政府办公室关于做好2023年度政府信息公开工作年度报告编制发布工作的通知" target="_blank">示范市人民政府办公室关于做好2023年度政府信息公开工作年度报告编制发布工作的通知</a><span>2023-12-05</span></li>
]]></record>
</recordset>
<totalrecord>100</totalrecord>
</datastore></script></div>
<script language="javascript" src="/module/web/jpage/jpage.js"></script>
<script>
$(document).ready(function(){
  $('#5678').jpage({
    dataStore: dataStore, dataBefore: '<ul class="list">', dataAfter: '</ul>',
    perPage: 15, totalRecord: 100, proxyUrl: '/module/web/jpage/dataproxy.jsp', groupSize: 3, barPosition: 'bottom',
    ajaxParam: { col: 1, appid: 1, webid: 12, path: '/', columnid: 1234, sourceContentType: 1, unitid: 5678, webname: '示范市', permissiontype: 0 }
  });
});
</script>
</td></tr></table>
</body>
</html>`;

/** What dataproxy.jsp answers to a POST for records 46-90. */
export const HANWEB_DATAPROXY = `<?xml version="1.0" encoding="UTF-8"?>
<datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=12&path=/&columnid=1234&unitid=5678"></a>]]></nextgroup>
<recordset>
<record><![CDATA[<li><a href="/art/2021/1/28/art_1234_80001.html" title="示范市人民政府2020年政府信息公开工作年度报告" target="_blank">示范市人民政府2020年政府信息公开工作年度报告</a><span>2021-01-28</span></li>]]></record>
<record><![CDATA[<li><a href="/art/2021/1/27/art_1234_80000.html" title="示范市统计局2020年统计年报" target="_blank">示范市统计局2020年统计年报</a><span>2021-01-27</span></li>]]></record>
</recordset>
</datastore>`;

/** Provincial 集约化 column: the list container is empty and filled from the publish API by $.ajax. */
export const JIYUE_SHELL = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>政府信息公开年报-示范省人民政府</title>
<script src="/js/jquery-1.12.4.min.js"></script>
</head>
<body>
<div class="header"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>
<div class="content">
  <div class="list-box">
    <ul id="newsList" class="news-list"></ul>
    <div id="page" class="pagination"></div>
  </div>
</div>
<script>
  $(function () {
    $.ajax({
      url: '/api-gateway/jpaas-publish-server/front/page/build/unit',
      type: 'GET',
      data: { webId: 'f7e6a1', pageId: 'c9d0e2', parseType: 'bulidstatic', pageType: 'column', tagId: '内容区', tplSetId: '52f1', paramJson: '{"pageNo":1,"pageSize":15}' },
      success: function (res) { $('#newsList').html(res.data.html); }
    });
  });
</script>
</body>
</html>`;

/** The same kind of shell written with Vue templates. */
export const VUE_SHELL = `<html><head><title>信息公开年报</title><script src="/js/vue.min.js"></script></head>
<body><div id="app"><ul class="list"><li v-for="item in list"><a :href="item.url">{{item.title}}</a><span>{{item.date}}</span></li></ul></div>
<script>new Vue({ el: '#app', data: { list: [] }, mounted() { fetch('/api/list?col=nb').then(r => r.json()).then(d => this.list = d.rows); } });</script>
</body></html>`;

/** 瑞数 (RS) first answer: status 412, a $_ts bootstrap, meta and scripts marked r="m". */
export const RS_412 = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta http-equiv="Expires" content="0"><meta id="9DhefwqGPrzGxEp9hPaoag" content="6a9YfS3yZQ0pA9GzZbNcc0kJ_LqJ7aVq1gM7S0mLwVdK4YzFzKX0TgE0xZ4lB6fQ9j2V3n" r='m'><script type="text/javascript" r='m'>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=28470;$_ts.cd="qqqqrrAlqGqlrrwDqGqhhqqqqqAqtqqrrcAlqGqlrcwDqlqqqqqqqqqqqAqs";</script><script type="text/javascript" charset="utf-8" src="/6QdPSt1Ax0eU/wzjbl6ZVQBb3.b4c45da.js" r='m'></script></head><body><script type="text/javascript" r='m'>$_ts['e8b7a3f4']();</script></body></html>`;

/** 加速乐 first answer: status 521, the cookie name assembled from pieces, then a reload. */
export const JSL_521 = `<script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')+('l')+('e')+('a')+('r')+('a')+('n')+('c')+('e')+('_')+('s')+('=')+(-~[]+'')+(1+4+'')+'.'+(1+[]>>1)+'|'+'0'+'|'+('%')+'3D';location.href=location.pathname+location.search</script>`;

/** A county homepage: 政务公开/信息公开 menus, an onclick-opened platform host, news that mention 年报. */
export const HOMEPAGE = `<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>示范县人民政府</title></head>
<body>
<div class="top"><a href="#top">返回顶部</a> <a href="mailto:zfb@demo-county.gov.cn">联系我们</a> <a href="javascript:void(0)">无障碍</a></div>
<div class="nav">
  <ul>
    <li><a href="/">首页</a></li>
    <li><a href="/zwgk/">政务公开</a>
      <div class="sub" style="display:none">
        <a href="/zwgk/zfxxgk/">政府信息公开</a>
        <a href="/zwgk/zfxxgknb/" title="政府信息公开年报">政府信息公开年报</a>
        <a href="/zwgk/czyjs/">财政预决算</a>
      </div>
    </li>
    <li><a href="javascript:void(0)" onclick="window.open('http://xxgk.demo-county.gov.cn/')">信息公开</a></li>
    <li><a href="/xwzx/">新闻中心</a></li>
  </ul>
</div>
<div class="news">
  <ul>
    <li><a href="/xwzx/bmdt/202401/t20240110_1001.html">我县召开2023年度政府信息公开工作年度报告编制培训会</a></li>
    <li><a href="/xwzx/tzgg/202312/t20231220_1002.html">关于做好2023年政府信息公开工作年度报告编制和发布工作的通知</a></li>
    <li><a href="/xwzx/202401/t20240105_1003.html">示范县2023年度企业年报公示工作启动</a></li>
    <li><a href="/zwgk/jd/202401/t20240125_1004.html">图解：示范县人民政府2023年政府信息公开工作年度报告</a></li>
    <li><a href="/xwzx/202401/t20240106_1005.html">示范县统计局2023年统计年报布置会召开</a></li>
    <li><a href="/xwzx/202401/t20240107_1006.html">县长调研春耕生产</a></li>
  </ul>
</div>
<div class="links"><a href="https://www.gov.cn/" target="_blank">中国政府网</a> <a href="http://www.demo-city.gov.cn/">示范市人民政府</a></div>
</body>
</html>`;
