/** The portal list loader: good rows survive bad ones, and every problem names its line. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, parsePortalsCsv, readPortals } from '../../crawler/portals.ts';

const HEADER = 'name,level,province,homepage,report_columns,needs_browser';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, commas and line breaks inside fields, CRLF and a BOM', () => {
    const { rows, error } = parseCsv('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\nlast,row,end');
    expect(error).toBeNull();
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 5, fields: ['last', 'row', 'end'] },
    ]);
  });

  it('reports an unclosed quote on the line where it opened', () => {
    const { error } = parseCsv('a,b\n1,2\n"open,3\n4,5\n');
    expect(error).toEqual({ line: 3, message: 'unclosed quote: the rest of the file is one field' });
  });
});

describe('parsePortalsCsv', () => {
  it('reads typed portals with several column URLs and flags', () => {
    const csv = [
      HEADER,
      '示范县人民政府,county,示范省,http://www.demo-county.gov.cn/,"http://www.demo-county.gov.cn/zwgk/zfxxgknb/; http://xxgk.demo-county.gov.cn/gknb/",',
      '示范省人民政府,province,示范省,https://www.demo-province.gov.cn/,https://www.demo-province.gov.cn/a/ https://www.demo-province.gov.cn/b/,是',
    ].join('\n');
    const { portals, errors } = parsePortalsCsv(csv);
    expect(errors).toEqual([]);
    expect(portals[0]).toMatchObject({
      id: 'www.demo-county.gov.cn',
      name: '示范县人民政府',
      level: 'county',
      province: '示范省',
      regionCode: null,
      homepage: 'http://www.demo-county.gov.cn/',
      reportColumns: ['http://www.demo-county.gov.cn/zwgk/zfxxgknb/', 'http://xxgk.demo-county.gov.cn/gknb/'],
      needsBrowser: false,
      line: 2,
    });
    expect(portals[1]).toMatchObject({ level: 'province', needsBrowser: true, reportColumns: ['https://www.demo-province.gov.cn/a/', 'https://www.demo-province.gov.cn/b/'] });
  });

  it('skips bad rows with their line and reason and keeps the good ones', () => {
    const csv = [
      HEADER,
      '好,city,示范省,http://www.good-1.gov.cn/,,',
      ',city,示范省,http://www.no-name.gov.cn/,,',
      '坏级别,village,示范省,http://www.bad-level.gov.cn/,,',
      '坏网址,city,示范省,www.no-scheme.gov.cn,,',
      '坏栏目,city,示范省,http://www.bad-col.gov.cn/,not a url,',
      '坏标志,city,示范省,http://www.bad-flag.gov.cn/,,maybe',
      '重复,city,示范省,http://www.good-1.gov.cn/,,',
      '多逗号,city,示范省,http://www.commas.gov.cn/,,,extra,field',
      '也好,department,示范省,https://nmj.good-2.gov.cn/,,no',
    ].join('\n');
    const { portals, errors } = parsePortalsCsv(csv);
    expect(portals.map((p) => p.name)).toEqual(['好', '也好']);
    expect(errors).toEqual([
      { line: 3, message: 'name is empty' },
      { line: 4, message: 'level "village" is not one of province, city, district, county, department, town, other' },
      { line: 5, message: 'homepage "www.no-scheme.gov.cn" is not an http(s) URL' },
      { line: 6, message: 'report column "not" is not an http(s) URL; report column "a" is not an http(s) URL; report column "url" is not an http(s) URL' },
      { line: 7, message: 'needs_browser "maybe" is not true/false' },
      { line: 8, message: 'homepage http://www.good-1.gov.cn/ already listed on line 2' },
      { line: 9, message: '8 fields for 6 columns (an unquoted comma?)' },
    ]);
  });

  it('counts lines across quoted line breaks', () => {
    const csv = `${HEADER}\n"多行\n名称",city,示范省,http://www.a.gov.cn/,,\n坏,city,,http://www.b.gov.cn/,,`;
    const { portals, errors } = parsePortalsCsv(csv);
    expect(portals[0].name).toBe('多行\n名称');
    expect(errors).toEqual([{ line: 4, message: 'province and region_code are both empty' }]);
  });

  it('accepts the shared catalogue shape: report_column, region_code, extra columns kept', () => {
    const csv = [
      'Name,Level,Region-Code,Homepage,Report_Column,example_report_url,hosts',
      '示范区人民政府,district,110101,https://www.demo-district.gov.cn/,,https://www.demo-district.gov.cn/nb/1.html,file.demo-district.gov.cn',
      '坏代码,district,1101,https://www.c.gov.cn/,,,',
    ].join('\n');
    const { portals, errors } = parsePortalsCsv(csv);
    expect(portals[0]).toMatchObject({ regionCode: '110101', province: null, extraHosts: ['file.demo-district.gov.cn'], extra: { example_report_url: 'https://www.demo-district.gov.cn/nb/1.html' } });
    expect(errors).toEqual([{ line: 3, message: 'region_code "1101" is not 6 digits' }]);
  });

  it('refuses a header without the required columns, and an empty file', () => {
    expect(parsePortalsCsv('name,homepage\nx,http://a.gov.cn/').errors).toEqual([{ line: 1, message: 'header lacks column(s): level, province or region_code' }]);
    expect(parsePortalsCsv('').errors).toEqual([{ line: 1, message: 'empty file: no header row' }]);
  });

  it('skips comment rows and keeps going after an unclosed quote is reported', () => {
    const csv = `${HEADER}\n# a comment\n好,city,示范省,http://www.a.gov.cn/,,\n"坏,city,示范省,http://www.b.gov.cn/,,`;
    const { portals, errors } = parsePortalsCsv(csv);
    expect(portals.map((p) => p.name)).toEqual(['好']);
    expect(errors).toEqual([{ line: 4, message: 'unclosed quote: the rest of the file is one field' }]);
  });

  it('reads the shared catalogue of 150 real portals without an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portals-'));
    const file = join(dir, 'p.csv');
    writeFileSync(file, `${HEADER}\n示范县,county,示范省,http://www.demo-county.gov.cn/,,\n`);
    expect((await readPortals(file)).portals).toHaveLength(1);
    const shared = await readPortals('/work/shared/data/portals.csv').catch(() => null);
    if (shared) {
      expect(shared.errors).toEqual([]);
      expect(shared.portals).toHaveLength(150);
    }
  });
});
