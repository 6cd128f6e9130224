// RPC methods of Excel in (历史台账): a preview of the file — its headings, a proposed column
// mapping, the first rows and what every row's check found — and the import itself, which
// writes every row that passed in one transaction and reports every row it refused, and why.
import { z } from 'zod';
import { importFieldSchema, importMappingSchema } from './importColumns';

/** 20 MiB of .xlsx, base64 inside the call (the loopback transport takes 32 MiB of body). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Rows refused are all counted; this many are listed one by one in the answer. */
export const LISTED_REFUSALS = 200;

const fileInput = {
  fileName: z.string().trim().min(1).max(200),
  dataBase64: z
    .string()
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, { error: '文件超过20MB，请分成几个文件导入' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '文件内容无效' }),
};

export const importCheckSchema = z.object({
  /** Data rows read (the heading row not counted). */
  rows: z.number().int(),
  good: z.number().int(),
  /** Of the good rows, how many are terminated matters (they feed the terminated check). */
  terminated: z.number().int(),
  refused: z.number().int(),
  /** The first LISTED_REFUSALS refused rows: their row number in the sheet (as Excel counts), the name given, every reason. */
  refusedRows: z.array(z.object({ row: z.number().int(), name: z.string(), reasons: z.array(z.string()) })),
  /** Every refusal reason with how many rows it refused, commonest first. */
  byReason: z.array(z.object({ reason: z.string(), rows: z.number().int() })),
});
export type ImportCheck = z.infer<typeof importCheckSchema>;

export const importPreviewSchema = z.object({
  sheetName: z.string(),
  headings: z.array(z.string()),
  mapping: importMappingSchema,
  /** Required fields without a column: nothing can be imported until they are mapped. */
  missing: z.array(importFieldSchema),
  /** The first rows as the file has them, cell by cell. */
  sample: z.array(z.array(z.string())),
  /** Every row checked under the mapping; null while required columns are missing. */
  check: importCheckSchema.nullable(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importInputSchema = z.strictObject({ ...fileInput, mapping: importMappingSchema.optional() });
export type ImportInput = z.infer<typeof importInputSchema>;

export const recordMethods = {
  'records.importPreview': { input: importInputSchema, output: importPreviewSchema },
  'records.import': {
    input: z.strictObject({ ...fileInput, mapping: importMappingSchema }),
    output: z.object({ batchId: z.string(), imported: z.number().int(), check: importCheckSchema }),
  },
} as const;
