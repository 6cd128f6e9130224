// Finds a font with Chinese glyphs for the printed documents. pdfkit's built-in fonts have none,
// so without one every character would print as nothing: the app must say so instead.
// Order: XF_PDF_FONT (an administrator's choice), fonts shipped in resources/fonts, then the
// usual system fonts, serif (宋体-like, as 公文 are printed) before sans.
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result } from '../../domain/result';

export interface CjkFont {
  path: string;
  /** PostScript name of the face inside a .ttc collection; pdfkit needs it to pick one. */
  family?: string;
  source: 'env' | 'bundled' | 'system';
}

export interface FontSearch {
  env?: Readonly<Record<string, string | undefined>>;
  bundledDir?: string;
  systemPaths?: readonly string[];
}

// See templates.ts: two levels up is the app root from source and from the bundle alike.
export const DEFAULT_BUNDLED_FONTS_DIR = fileURLToPath(new URL('../../resources/fonts/', import.meta.url));

const windowsFonts = (process.env.WINDIR ?? 'C:\\Windows') + '\\Fonts\\';
export const DEFAULT_SYSTEM_FONT_PATHS: readonly string[] = [
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc',
  '/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc',
  windowsFonts + 'simsun.ttc',
  windowsFonts + 'simhei.ttf',
  windowsFonts + 'msyh.ttc',
  '/System/Library/Fonts/Supplemental/Songti.ttc',
  '/System/Library/Fonts/PingFang.ttc',
  '/System/Library/Fonts/STHeiti Light.ttc',
];

const FONT_EXTENSIONS = new Set(['.ttf', '.otf', '.ttc']);
const MISSING_MESSAGE =
  '未找到可用的中文字体，无法生成PDF文书。请安装中文字体（如思源宋体/Noto CJK、文泉驿或宋体），' +
  '或将字体文件放入程序的 resources/fonts 目录，或设置环境变量 XF_PDF_FONT 指向字体文件。';

export function findCjkFont(search: FontSearch = {}): Result<CjkFont> {
  const env = search.env ?? process.env;
  const configured = env.XF_PDF_FONT?.trim();
  if (configured) {
    // A wrong setting is reported rather than silently replaced by another font.
    const font = inspect(configured, 'env');
    return font ?? err('font_missing', `环境变量 XF_PDF_FONT 指定的字体无法使用：${configured}。请检查文件路径。`);
  }
  const bundledDir = search.bundledDir ?? DEFAULT_BUNDLED_FONTS_DIR;
  for (const path of listFonts(bundledDir)) {
    const font = inspect(path, 'bundled');
    if (font) return font;
  }
  for (const path of search.systemPaths ?? DEFAULT_SYSTEM_FONT_PATHS) {
    const font = inspect(path, 'system');
    if (font) return font;
  }
  return err('font_missing', MISSING_MESSAGE);
}

function listFonts(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => FONT_EXTENSIONS.has(extname(name).toLowerCase()))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

function inspect(path: string, source: CjkFont['source']): Result<CjkFont> | null {
  try {
    if (!statSync(path).isFile()) return null;
    const fd = openSync(path, 'r');
    try {
      const tag = read(fd, 0, 4).toString('latin1');
      if (tag === 'ttcf') {
        const family = pickFace(collectionFaceNames(fd));
        return family ? ok({ path, family, source }) : null;
      }
      return ['\0\u0001\0\0', 'OTTO', 'true'].includes(tag) ? ok({ path, source }) : null;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

function read(fd: number, offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  if (readSync(fd, buf, 0, length, offset) !== length) throw new Error('short read');
  return buf;
}

/** PostScript names (name id 6) of every face of a TrueType/OpenType collection. */
function collectionFaceNames(fd: number): string[] {
  const count = read(fd, 8, 4).readUInt32BE(0);
  const offsets = read(fd, 12, 4 * count);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const face = offsets.readUInt32BE(4 * i);
    const numTables = read(fd, face + 4, 2).readUInt16BE(0);
    const records = read(fd, face + 12, 16 * numTables);
    for (let t = 0; t < numTables; t++) {
      if (records.toString('latin1', 16 * t, 16 * t + 4) !== 'name') continue;
      const name = postscriptName(read(fd, records.readUInt32BE(16 * t + 8), records.readUInt32BE(16 * t + 12)));
      if (name) names.push(name);
    }
  }
  return names;
}

function postscriptName(table: Buffer): string | null {
  const count = table.readUInt16BE(2);
  const strings = table.readUInt16BE(4);
  for (let r = 0; r < count; r++) {
    const at = 6 + 12 * r;
    if (table.readUInt16BE(at + 6) !== 6) continue;
    const platform = table.readUInt16BE(at);
    const bytes = table.subarray(strings + table.readUInt16BE(at + 10), strings + table.readUInt16BE(at + 10) + table.readUInt16BE(at + 8));
    if (platform === 3 || platform === 0) return Buffer.from(bytes).swap16().toString('utf16le');
    if (platform === 1) return bytes.toString('latin1');
  }
  return null;
}

/** Simplified-Chinese regular face first (NotoSerifCJKsc-Regular, PingFangSC-Regular), never a mono or UI cut. */
function pickFace(names: string[]): string | undefined {
  const score = (n: string) =>
    (/(?:sc|SC)(?:-|$)|GB/.test(n) ? 4 : 0) + (/Regular/.test(n) ? 2 : 0) - (/Mono|UI/.test(n) ? 8 : 0);
  return names.reduce<string | undefined>((best, n) => (best === undefined || score(n) > score(best) ? n : best), undefined);
}
