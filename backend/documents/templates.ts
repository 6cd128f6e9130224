// Document templates (resources/documents/<kind>.json) are data so that a county can reword a
// notice without a release. Each template declares every {{field}} it uses, with a Chinese
// label, so that a missing value is reported in words the clerk understands.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DOCUMENT_TITLES, documentKindSchema, type DocumentKind } from '../../domain/documents/kinds';
import { err, ok, type Result } from '../../domain/result';

// Two levels up is the app root both from this source file and from the esbuild bundle
// (build/electron/main.mjs); resources/ ships at the app root (electron-builder.yml).
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../resources/documents/', import.meta.url));

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

const fieldSchema = z.strictObject({
  label: z.string().min(1),
  choices: z.array(z.string().min(1)).min(1).optional(),
  pattern: z.string().min(1).optional(),
  patternMessage: z.string().min(1).optional(),
});

const tableRowSchema = z.strictObject({
  label: z.string().min(1),
  value: z.string(),
  /** Minimum height in text lines: room for a handwritten signature. */
  lines: z.number().int().min(1).max(10).optional(),
  /** Printed at the cell's bottom right, e.g. the 年 月 日 the signer fills in. */
  note: z.string().optional(),
});

const blockSchema = z.union([z.string().min(1), z.strictObject({ table: z.array(tableRowSchema).min(1) })]);

export const templateSchema = z
  .strictObject({
    kind: documentKindSchema,
    title: z.string().min(1),
    salutation: z.string().min(1).optional(),
    fields: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), fieldSchema),
    blocks: z.array(blockSchema).min(1),
    signature: z.strictObject({ issuer: z.string().min(1), date: z.string().min(1), seal: z.string().optional() }),
  })
  .superRefine((t, ctx) => {
    if (t.title !== DOCUMENT_TITLES[t.kind]) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: `标题应为“${DOCUMENT_TITLES[t.kind]}”` });
    }
    // The header of every page prints the matter number, so every template must ask for it.
    if (!('matterNumber' in t.fields)) ctx.addIssue({ code: 'custom', path: ['fields'], message: '模板须声明 matterNumber 字段' });
    const used = new Set(texts(t).flatMap(placeholders));
    for (const name of used) {
      if (!(name in t.fields)) ctx.addIssue({ code: 'custom', path: ['fields', name], message: `占位符 {{${name}}} 未声明` });
    }
    for (const name of Object.keys(t.fields)) {
      if (name !== 'matterNumber' && !used.has(name)) {
        ctx.addIssue({ code: 'custom', path: ['fields', name], message: `字段 ${name} 已声明但模板未使用` });
      }
    }
  });
export type DocumentTemplate = z.infer<typeof templateSchema>;
export type TableRow = z.infer<typeof tableRowSchema>;
export type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: TableRow[] };

/** A template with every placeholder replaced: what render.ts lays out. */
export interface FilledDocument {
  kind: DocumentKind;
  title: string;
  matterNumber: string;
  salutation?: string;
  blocks: Block[];
  signature: { issuer: string; date: string; seal?: string };
}

function texts(t: Pick<DocumentTemplate, 'salutation' | 'blocks' | 'signature'>): string[] {
  return [
    t.salutation ?? '',
    ...t.blocks.flatMap((b) => (typeof b === 'string' ? [b] : b.table.flatMap((r) => [r.label, r.value, r.note ?? '']))),
    t.signature.issuer,
    t.signature.date,
    t.signature.seal ?? '',
  ];
}

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

export async function loadTemplate(kind: DocumentKind, dir: string = DEFAULT_TEMPLATES_DIR): Promise<Result<DocumentTemplate>> {
  const file = join(dir, `${kind}.json`);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return err('template_missing', `缺少文书模板：${DOCUMENT_TITLES[kind]}（${kind}.json）`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return err('template_invalid', `文书模板 ${kind}.json 不是有效的 JSON`);
  }
  const parsed = templateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err('template_invalid', `文书模板 ${kind}.json 有误：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  if (parsed.data.kind !== kind) return err('template_invalid', `文书模板 ${kind}.json 的 kind 为 ${parsed.data.kind}`);
  return ok(parsed.data);
}

/**
 * Fills every placeholder. Values are inserted as given (dates already written as
 * 2026年1月20日); a blank value counts as missing, since a notice with a gap must not go out.
 */
export function fillTemplate(template: DocumentTemplate, values: Readonly<Record<string, string | undefined>>): Result<FilledDocument> {
  const missing = Object.keys(template.fields).filter((name) => (values[name] ?? '').trim() === '');
  if (missing.length > 0) {
    const labels = missing.map((name) => `${template.fields[name]?.label}（${name}）`).join('、');
    return err('template_field_missing', `${template.title}缺少以下内容：${labels}`, missing[0]);
  }
  for (const [name, field] of Object.entries(template.fields)) {
    const value = (values[name] as string).trim();
    if (field.choices && !field.choices.includes(value)) {
      return err('template_field_invalid', `${field.label}应为：${field.choices.join('、')}`, name);
    }
    if (field.pattern && !new RegExp(field.pattern, 'u').test(value)) {
      return err('template_field_invalid', field.patternMessage ?? `${field.label}格式不正确`, name);
    }
  }
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, name: string) => (values[name] as string).trim());
  const { signature } = template;
  return ok({
    kind: template.kind,
    title: template.title,
    matterNumber: (values.matterNumber as string).trim(),
    salutation: template.salutation && fill(template.salutation),
    blocks: template.blocks.map((b): Block =>
      typeof b === 'string'
        ? { kind: 'paragraph', text: fill(b) }
        : { kind: 'table', rows: b.table.map((r) => ({ ...r, label: fill(r.label), value: fill(r.value), note: r.note && fill(r.note) })) },
    ),
    signature: { issuer: fill(signature.issuer), date: fill(signature.date), seal: signature.seal && fill(signature.seal) },
  });
}
