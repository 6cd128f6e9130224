// Printed documents (backend/documents): every kind renders to a PDF whose extracted text
// carries the title, the matter number and its key wording with no {{placeholder}} left;
// missing values and a missing font come back as typed errors, not exceptions.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_TITLES, documentKindSchema, type DocumentKind } from '../../domain/documents/kinds';
import { findCjkFont, type CjkFont } from '../../backend/documents/fonts';
import { renderDocument } from '../../backend/documents/render';
import { SAMPLE_FIELDS, SAMPLE_MATTER_NUMBER } from '../support/documentSamples';

const KEY_PHRASES: Record<DocumentKind, string[]> = {
  'registration-receipt': ['张某某', '4101**********1234', '本机关将在2026年1月20日前告知是否受理', '0371-12345678'],
  'acceptance-notice': ['本机关已于2026年1月8日依法受理', '《信访工作条例》第二十二条', '2026年3月9日前', '0371-12345678', '特此告知'],
  'non-acceptance-notice': ['不属于本机关职权范围', '《信访工作条例》第二十二条', '决定不予受理', '郑州市中原区人民法院', '特此告知'],
  'legal-route-notice': ['仲裁程序', '《信访工作条例》第三十一条', '郑州市中原区劳动人事争议仲裁委员会'],
  'transfer-notice': ['《信访工作条例》第二十一条', '转送郑州市中原区人力资源和社会保障局办理', '特此告知'],
  'handling-opinion': ['《信访工作条例》第三十二条', '一、信访请求', '二、调查核实的事实', '五、处理意见：对你的信访请求予以支持。', '30日内', '向郑州市中原区人民政府书面请求复查'],
  'review-opinion': ['《信访工作条例》第三十五条', '不予支持，维持郑州市中原区人力资源和社会保障局于2026年3月2日作出的信访处理意见', '30日内', '向郑州市人民政府书面请求复核'],
  're-review-opinion': ['《信访工作条例》第三十六条', '维持郑州市中原区人民政府于2026年4月20日作出的复查意见', '不再受理'],
  'extension-notice': ['办理期限延长至2026年4月8日', '《信访工作条例》第三十四条', '负责人批准'],
  'no-further-acceptance-notice': ['郑州市人民政府已于2026年6月10日出具复核意见', '2026年7月20日终结', '《信访工作条例》第三十六条', '不再受理'],
  'late-review-notice': ['《信访工作条例》第三十五条', '30日内向郑州市中原区人民政府提出', '2026年4月2日届满', '不予受理'],
  'late-re-review-notice': ['《信访工作条例》第三十六条', '30日内向郑州市人民政府提出', '2026年5月21日届满', '不予受理'],
  'hearing-notice': ['《信访工作条例》第三十六条', '郑州市人民政府决定就该事项举行听证', '听证时间：2026年5月28日9时30分', '听证地点：郑州市信访局三楼听证室', '申请回避', '不计算在复核期限内', '0371-12345678'],
  'hearing-record': ['《信访工作条例》第三十一条第六项', '听证参加人', '听证查明的事实：该公司尚欠劳务报酬28,600元', '记录人签名', '信访人（代理人）签名'],
  'mediation-agreement': ['《信访工作条例》第三十三条', '经双方当事人同意进行调解', '对方当事人', '某建筑公司', '签名或者盖章之日起生效', '调解人签名'],
  'reconciliation-agreement': ['《信访工作条例》第三十三条', '引导双方当事人自愿和解', '以和解方式办结', '见证的工作人员签名'],
  'delivery-receipt': ['信访事项处理意见书', '直接送达', '受送达人签名或盖章', '送达人'],
};

let pdftotextMissing = false;
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  pdftotextMissing = true;
}

let dir: string;
let font: CjkFont;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xf-docs-'));
  const found = findCjkFont();
  if (!found.ok) throw new Error(`${found.message}（测试机请安装 fonts-noto-cjk）`);
  font = found.value;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdfText(kind: DocumentKind, fields: Readonly<Record<string, string>>): Promise<{ text: string; pages: number }> {
  if (pdftotextMissing) throw new Error('pdftotext not found: install poppler-utils (apt-get install -y poppler-utils)');
  const pdf = await renderDocument(kind, fields, { font });
  if (!pdf.ok) throw new Error(`${pdf.code}: ${pdf.message}`);
  const file = join(dir, `${kind}.pdf`);
  writeFileSync(file, pdf.value);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return { text, pages };
}

// Justified lines are drawn with letter spacing, which pdftotext may read as spaces.
const squash = (s: string) => s.replace(/\s+/g, '');

describe('renderDocument', () => {
  it.each(documentKindSchema.options)('renders %s with its title, matter number and wording', async (kind) => {
    const { text, pages } = await pdfText(kind, SAMPLE_FIELDS[kind]);
    const flat = squash(text);
    expect(flat).toContain(squash(DOCUMENT_TITLES[kind]));
    expect(flat).toContain(`信访件编号：${SAMPLE_MATTER_NUMBER}`);
    for (const phrase of KEY_PHRASES[kind]) expect(flat).toContain(squash(phrase));
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(flat).toContain(`第${pages}页共${pages}页`);
  });

  it('puts the matter number and 第 N 页 共 M 页 on every page of a long document', async () => {
    const long = { ...SAMPLE_FIELDS['handling-opinion'], factsFound: Array(40).fill(SAMPLE_FIELDS['handling-opinion'].factsFound).join('\n') };
    const { text, pages } = await pdfText('handling-opinion', long);
    expect(pages).toBeGreaterThan(1);
    const pageTexts = text.split('\f').filter((p) => p.trim() !== '');
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((p, i) => {
      expect(squash(p)).toContain(`信访件编号：${SAMPLE_MATTER_NUMBER}`);
      expect(squash(p)).toContain(`第${i + 1}页共${pages}页`);
    });
  });

  it('sets the PDF title and creator', async () => {
    await pdfText('acceptance-notice', SAMPLE_FIELDS['acceptance-notice']);
    const info = execFileSync('pdfinfo', [join(dir, 'acceptance-notice.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+信访事项受理告知书/);
    expect(info).toMatch(/Creator:\s+信访窗口/);
  });

  it('refuses a missing field with template_field_missing, naming it in Chinese', async () => {
    const { replyDeadline: _, ...fields } = SAMPLE_FIELDS['acceptance-notice'];
    const r = await renderDocument('acceptance-notice', fields, { font });
    expect(r).toMatchObject({ ok: false, code: 'template_field_missing', field: 'replyDeadline' });
    expect(!r.ok && r.message).toContain('书面答复截止日期');
  });

  it('treats a blank field as missing', async () => {
    const r = await renderDocument('delivery-receipt', { ...SAMPLE_FIELDS['delivery-receipt'], recipientName: '  ' }, { font });
    expect(r).toMatchObject({ ok: false, code: 'template_field_missing', field: 'recipientName' });
  });

  it('refuses an opinion outside 支持 / 解释说明 / 不予支持', async () => {
    const r = await renderDocument('handling-opinion', { ...SAMPLE_FIELDS['handling-opinion'], opinion: '部分支持' }, { font });
    expect(r).toMatchObject({ ok: false, code: 'template_field_invalid', field: 'opinion' });
  });

  it('refuses to print an unmasked ID number on the receipt', async () => {
    const r = await renderDocument(
      'registration-receipt',
      { ...SAMPLE_FIELDS['registration-receipt'], maskedIdNumber: '11010519491231002X' },
      { font },
    );
    expect(r).toMatchObject({ ok: false, code: 'template_field_invalid', field: 'maskedIdNumber' });
  });
});

describe('findCjkFont', () => {
  const noto = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

  it('uses XF_PDF_FONT when it is set, picking the simplified-Chinese face of a collection', () => {
    const r = findCjkFont({ env: { XF_PDF_FONT: noto }, bundledDir: '/nonexistent', systemPaths: [] });
    expect(r).toEqual({ ok: true, value: { path: noto, family: 'NotoSansCJKsc-Regular', source: 'env' } });
  });

  it('reports a bad XF_PDF_FONT instead of quietly using another font', () => {
    const r = findCjkFont({ env: { XF_PDF_FONT: '/nonexistent/font.ttf' }, systemPaths: [noto] });
    expect(r).toMatchObject({ ok: false, code: 'font_missing' });
    expect(!r.ok && r.message).toContain('XF_PDF_FONT');
  });

  it('prefers a font shipped in resources/fonts over the system ones', () => {
    const bundled = mkdtempSync(join(tmpdir(), 'xf-fonts-'));
    try {
      mkdirSync(join(bundled, 'sub'));
      writeFileSync(join(bundled, 'readme.txt'), 'not a font');
      execFileSync('cp', [noto, join(bundled, 'cjk.ttc')]);
      const r = findCjkFont({ env: {}, bundledDir: bundled, systemPaths: ['/nonexistent.ttf'] });
      expect(r).toMatchObject({ ok: true, value: { path: join(bundled, 'cjk.ttc'), source: 'bundled' } });
    } finally {
      rmSync(bundled, { recursive: true, force: true });
    }
  });

  it('skips a file that is not a font and reports font_missing in Chinese when nothing is found', () => {
    const notFont = join(dir, 'fake.ttf');
    writeFileSync(notFont, 'definitely not a font');
    const r = findCjkFont({ env: {}, bundledDir: '/nonexistent', systemPaths: ['/nonexistent/simsun.ttc', notFont] });
    expect(r).toMatchObject({ ok: false, code: 'font_missing' });
    expect(!r.ok && r.message).toMatch(/未找到可用的中文字体/);
  });
});
