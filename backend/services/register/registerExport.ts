// A register view to Excel (.xlsx) on the reader worker, as a job: exceljs's streaming writer
// takes the rows page by page (keyset, as the screen reads them), so 100,000 rows never sit in
// memory as objects, and the worker answers the window's progress questions between pages. The
// petitioner is shown as the matter's file shows them to this role. The file is kept in memory
// only (never as a plain file on disk), for its owner, until taken or abandoned.
import { PassThrough } from 'node:stream';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import { registerCount, registerPage } from '../../../db/register';
import { CHANNEL_LABELS } from '../../../domain/intake/registration';
import { describeFilter } from '../../../domain/register/describe';
import type { RegisterFilter, RegisterSort } from '../../../domain/register/filter';
import type { ExportProgress } from '../../../domain/register/rpc';
import { findCategory } from '../../../domain/reference/categories';
import { err, ok, type Result } from '../../../domain/result';
import { ROLE_LABELS } from '../../../domain/staff/roles';
import { localDay, localTimestamp, type ReadContext } from '../context';
import { XLSX_MIME } from '../figuresExcel';
import { reporterVisible } from '../operator';
import { describeRow, placeName, whereOf } from './registerView';

/** Excel's own limit is 1,048,576 rows a sheet; one is the header. */
export const EXPORT_MAX_ROWS = 1_048_575;
const PAGE = 2000;
/** A finished file nobody took is dropped after this long. */
const KEEP_MS = 15 * 60_000;

interface Job {
  owner: string;
  progress: ExportProgress;
  fileName: string;
  file: Buffer | null;
  finishedAt: number | null;
}
const jobs = new Map<string, Job>();

const COLUMNS: { header: string; width: number }[] = [
  { header: '信访件编号', width: 26 },
  { header: '登记时间', width: 20 },
  { header: '渠道', width: 6 },
  { header: '信访人', width: 10 },
  { header: '证件号码', width: 21 },
  { header: '联系电话', width: 14 },
  { header: '问题分类', width: 22 },
  { header: '属地', width: 22 },
  { header: '被反映人或单位', width: 16 },
  { header: '诉求摘要', width: 50 },
  { header: '状态', width: 12 },
  { header: '类别', width: 12 },
  { header: '处理途径', width: 18 },
  { header: '责任单位', width: 16 },
  { header: '当前期限', width: 14 },
  { header: '期限截止', width: 12 },
  { header: '剩余天数', width: 9 },
  { header: '标记', width: 20 },
  { header: '备注', width: 14 },
];

/** Monotonic, not the business clock (which tests fix): how long a file has waited. */
function prune(): void {
  for (const [id, job] of jobs) if (job.finishedAt !== null && performance.now() - job.finishedAt > KEEP_MS) jobs.delete(id);
}

async function write(ctx: ReadContext, job: Job, filter: RegisterFilter, sort: RegisterSort): Promise<void> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  book.creator = '信访窗口';
  const op = ctx.actor()!;
  const showReporter = reporterVisible(ctx);
  const reference = ctx.reference();
  const cover = book.addWorksheet('说明');
  cover.columns = [{ width: 100 }];
  const lines = [
    `信访事项台账（导出时间 ${localTimestamp(ctx.now()).slice(0, 16).replace('T', ' ')}，导出人 ${op.name}（${ROLE_LABELS[op.role]}））`,
    `共 ${job.progress.total} 件`,
    ...describeFilter(filter, { category: (c) => findCategory(reference.categories, c)?.name ?? c, place: (p) => placeName(reference.regions, p) }),
    showReporter ? '检举控告类事项的信访人身份按本岗位权限显示。' : '检举控告类事项的信访人身份已按规定遮蔽（《信访工作条例》第三十条）。',
  ];
  for (const line of lines) cover.addRow([line]).commit();
  cover.commit();

  const sheet = book.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  const today = localDay(ctx.now());
  const where = whereOf(ctx, filter);
  let after: { value: string; matterNo: string } | null = null;
  for (;;) {
    const page = registerPage(ctx.db, where, sort, after, PAGE);
    for (const r of page) {
      const d = describeRow(ctx, r, today, showReporter);
      sheet
        .addRow([
          d.matterNo,
          d.receivedAt.slice(0, 16).replace('T', ' '),
          CHANNEL_LABELS[d.channel],
          d.visitor.name,
          d.visitor.credential,
          d.visitor.mobile,
          d.category.join('/'),
          d.place,
          d.respondent,
          d.summary,
          d.statusLabel,
          d.classLabel ?? '',
          d.routeLabel ?? '',
          d.unit ?? '',
          d.nextDeadline?.label ?? '',
          d.nextDeadline?.lastDay ?? '',
          d.nextDeadline ? d.nextDeadline.daysLeft : '',
          d.flags.join('、'),
          [d.voided ? '已作废' : '', d.imported ? '历史台账导入' : ''].filter(Boolean).join('、'),
        ])
        .commit();
    }
    job.progress.written += page.length;
    const last = page.at(-1);
    if (!last || page.length < PAGE) break;
    after = { value: String(last.sortValue), matterNo: last.matterNo };
    // Let the worker answer the window (progress, other reads) between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await book.commit();
  job.file = Buffer.concat(chunks);
}

export function startRegisterExport(ctx: ReadContext, input: { filter: RegisterFilter; sort: RegisterSort }): Result<{ id: string; total: number }> {
  const op = ctx.actor();
  if (!op) return err('not_signed_in', '请先登录');
  const nowMs = ctx.now().getTime();
  prune();
  if ([...jobs.values()].some((j) => j.owner === op.userId && j.progress.state === 'running')) return err('export_busy', '上一次导出尚未完成，请稍候');
  const total = registerCount(ctx.db, whereOf(ctx, input.filter));
  if (total > EXPORT_MAX_ROWS) return err('export_too_large', `共 ${total} 件，超过 Excel 单表上限，请缩小筛选范围后再导出`);
  const id = uuidv7();
  const job: Job = { owner: op.userId, progress: { state: 'running', written: 0, total, message: null }, fileName: `信访台账_${dayjs(ctx.now()).format('YYYYMMDD-HHmm')}.xlsx`, file: null, finishedAt: null };
  jobs.set(id, job);
  // The job keeps the caller's clock and identity: later calls carry their own.
  const frozen: ReadContext = { db: ctx.db, reference: ctx.reference, now: () => new Date(nowMs), actor: () => op };
  void write(frozen, job, input.filter, input.sort).then(
    () => {
      job.progress.state = 'done';
      job.finishedAt = performance.now();
    },
    (e: unknown) => {
      console.error('[reader] export failed', e);
      job.progress = { ...job.progress, state: 'failed', message: '导出失败，请重试；如仍失败，请联系管理员' };
      job.finishedAt = performance.now();
    },
  );
  return ok({ id, total });
}

function ownJob(ctx: ReadContext, id: string): Result<Job> {
  const job = jobs.get(id);
  // Another user's job is not theirs to follow or take: it reads as absent.
  if (!job || job.owner !== ctx.actor()?.userId) return err('export_not_found', '导出任务不存在或已过期，请重新导出');
  return ok(job);
}

export function registerExportProgress(ctx: ReadContext, id: string): Result<ExportProgress> {
  const job = ownJob(ctx, id);
  return job.ok ? ok({ ...job.value.progress }) : job;
}

export function takeRegisterExport(ctx: ReadContext, id: string) {
  const job = ownJob(ctx, id);
  if (!job.ok) return job;
  const { file, fileName, progress } = job.value;
  if (progress.state === 'failed') {
    jobs.delete(id);
    return err('export_failed', progress.message ?? '导出失败，请重试');
  }
  if (!file) return err('export_running', '导出尚未完成，请稍候');
  jobs.delete(id);
  return ok({ fileName, mime: XLSX_MIME, dataBase64: file.toString('base64') });
}
