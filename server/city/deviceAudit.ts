// The city's check of a window's audit trail as it arrived ('audit.recorded' events, DESIGN.md §6):
// each line's hash must cover its own fields, and each line must follow one the city holds — the
// line before it or, after the window restored a backup and went on from the copy's last line, an
// earlier line with that number and hash. A line changed or deleted at the window before it was
// sent shows here, whatever the window's own copy says now.
import { createHash } from 'node:crypto';
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import { AUDIT_EVENT, auditRecordedPayload } from '../../domain/staff/audit';
import { auditHashInput, GENESIS } from '../../domain/staff/auditChain';
import type { AuditVerdict } from '../../domain/staff/auditVerdict';
import type { CityDb } from '../store/db';
import { events } from '../store/schema';

const PAGE = 5000;
type Line = { seq: number; prevHash: string; hash: string };

const lineHash = (prevHash: string, input: string) => createHash('sha256').update(prevHash).update(input).digest('hex');
const ofDevice = (deviceId: string) => and(eq(events.deviceId, deviceId), eq(events.type, AUDIT_EVENT));

/** The device's audit events in the order it sent them, a page at a time: a trail of years is never held at once. */
export async function* deviceAuditPages(db: CityDb, deviceId: string): AsyncGenerator<{ seq: number; payload: unknown }[]> {
  for (let after = 0; ; ) {
    const page = await db
      .select({ seq: events.seq, payload: events.payload })
      .from(events)
      .where(and(ofDevice(deviceId), gt(events.seq, after)))
      .orderBy(asc(events.seq))
      .limit(PAGE);
    if (page.length > 0) yield page;
    if (page.length < PAGE) return;
    after = page.at(-1)!.seq;
  }
}

export async function checkDeviceAudit(db: CityDb, deviceId: string): Promise<AuditVerdict> {
  let rows = 0;
  let last: Line | null = null;
  for await (const page of deviceAuditPages(db, deviceId)) {
    for (const event of page) {
      rows++;
      // Checked on push; a line that no longer reads is as broken as one whose hash fails.
      const line = auditRecordedPayload.safeParse(event.payload);
      if (!line.success || lineHash(line.data.prevHash, auditHashInput(line.data.seq, line.data)) !== line.data.hash) {
        return { ok: false, rows, brokenAt: line.data?.seq ?? rows, reason: 'edited' };
      }
      if (!(await follows(db, deviceId, event.seq, line.data, last))) return { ok: false, rows, brokenAt: line.data.seq, reason: 'missing-or-reordered' };
      last = line.data;
    }
  }
  return { ok: true, rows, head: last?.hash ?? GENESIS };
}

/** Whether `line`, the device's event `eventSeq`, follows a line the city received before it. */
async function follows(db: CityDb, deviceId: string, eventSeq: number, line: Line, last: Line | null): Promise<boolean> {
  if (line.seq === 1) return line.prevHash === GENESIS;
  if (last && last.seq === line.seq - 1 && last.hash === line.prevHash) return true;
  const earlier = await db
    .select({ seq: events.seq })
    .from(events)
    .where(and(ofDevice(deviceId), lt(events.seq, eventSeq), sql`${events.payload}->>'hash' = ${line.prevHash}`, sql`(${events.payload}->>'seq')::int = ${line.seq - 1}`))
    .limit(1);
  return earlier.length > 0;
}
