// Produces a matter's documents as PDFs, stores them content-addressed under the data folder
// and records their delivery (送达). Rendering takes 0.1–0.9 s; it runs after the transaction.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { DOCUMENT_TITLES, type DocumentKind } from '../../domain/documents/kinds';
import type { EventPayload } from '../../domain/sync/events';
import { matterCommandSchema, type DeliveryMethod } from '../../domain/matters/commands';
import { handlingDeadline } from '../../domain/matters/deadlines';
import { err, ok, type Result } from '../../domain/result';
import { documentById, insertDocument, matterWithVisitor, recordDelivery, transitionsOf } from '../../db/matters';
import { appendEvent } from '../../db/outbox';
import { matterById } from '../../db/registrations';
import { findCjkFont, type CjkFont } from '../documents/fonts';
import { localDay, localTimestamp, type ServiceContext } from './context';
import { documentWithheld, reporterProtectedErr, storedPaperRefusal } from './documentAccess';
import { documentFields } from './documentFields';
import { organisationIndex, requireBureau } from './noticeSettings';
import { lifecycleOf } from './storedLifecycle';

let font: CjkFont | null = null;
function cjkFont(ctx: ServiceContext): Result<CjkFont> {
  if (font) return ok(font);
  const found = findCjkFont({ bundledDir: path.join(ctx.resourcesDir, 'fonts') });
  if (found.ok) font = found.value;
  return found;
}

const documentsDir = (ctx: ServiceContext) => path.join(ctx.dataDir, 'documents');

export async function generateDocument(
  ctx: ServiceContext,
  matterId: string,
  kind: DocumentKind,
  delivery?: { kind: DocumentKind; method: DeliveryMethod; to: string; at: string },
): Promise<Result<{ documentId: string; fileName: string }>> {
  const row = matterWithVisitor(ctx.db, matterId);
  if (!row) return err('matter_not_found', '信访事项不存在');
  const f = cjkFont(ctx);
  if (!f.ok) return f;
  const lifecycle = lifecycleOf(row.matter.lifecycle);
  const steps = transitionsOf(ctx.db, matterId);
  const commands = steps.map((t) => matterCommandSchema.parse(JSON.parse(t.command)));
  const bureau = requireBureau(ctx);
  if (!bureau.ok) return bureau;
  const engine = ctx.reference().deadlines;
  const fields = documentFields(
    kind,
    {
      matterNo: row.matter.matterNo,
      receivedAt: row.matter.receivedAt,
      channel: row.matter.channel,
      summary: row.matter.summary,
      visitorName: row.visitor.name,
      idNumber: row.visitor.idNumber,
      address: row.visitor.currentAddress,
      reporterProtected: row.matter.reporterProtected,
      lifecycle,
      commands,
      takenIn: steps.map((t) => t.fromState),
      acceptanceLastDay: engine.deadlineFor('acceptance-notice', row.matter.receivedOn),
      // The handling period's last day on every track, with its extension and without: 60 days,
      // the bureau's target for 建议意见 and 检举控告, 10 working days simplified (DOMAIN §4).
      handlingLastDay: handlingDeadline(lifecycle, engine)?.lastDay ?? null,
      originalHandlingLastDay: handlingDeadline({ ...lifecycle, extensionDays: 0 }, engine)?.lastDay ?? null,
      delivery: delivery && { ...delivery, by: ctx.actor()?.name ?? '' },
    },
    { bureau: bureau.value, organisations: organisationIndex(ctx), engine, today: localDay(ctx.now()) },
  );
  if (!fields.ok) return fields;
  const pdf = await ctx.renderDocument(kind, fields.value, { font: f.value, templatesDir: path.join(ctx.resourcesDir, 'documents') });
  if (!pdf.ok) return pdf;
  const sha256 = createHash('sha256').update(pdf.value).digest('hex');
  ctx.files.write(path.join(documentsDir(ctx), `${sha256}.pdf`), pdf.value);
  const documentId = uuidv7();
  const fileName = `${row.matter.matterNo}-${DOCUMENT_TITLES[kind]}.pdf`;
  insertDocument(ctx.db, { id: documentId, matterId, kind, sha256, fileName, createdAt: localTimestamp(ctx.now()) });
  return ok({ documentId, fileName });
}

/**
 * 出具文书 at the operator's request, whose next move is to open it: a paper naming a protected
 * reporter the operator may not see is refused before anything is rendered or written. The papers
 * a step produces (matterCommand.ts) are made whatever the role: the step needs them, and they are
 * stored for the 科长/督办 to open.
 */
export async function issueDocument(ctx: ServiceContext, matterId: string, kind: DocumentKind): Promise<Result<{ documentId: string; fileName: string }>> {
  const m = matterById(ctx.db, matterId);
  if (!m) return err('matter_not_found', '信访事项不存在');
  if (documentWithheld(ctx, m)({ kind })) return reporterProtectedErr();
  return generateDocument(ctx, matterId, kind);
}

export function readDocument(ctx: ServiceContext, documentId: string): Result<{ fileName: string; mime: string; dataBase64: string }> {
  const d = documentById(ctx.db, documentId);
  if (!d) return err('document_not_found', '文书不存在');
  const refused = storedPaperRefusal(ctx, d);
  if (refused) return refused;
  const f = ctx.files.read(path.join(documentsDir(ctx), `${d.sha256}.pdf`));
  if (f.kind !== 'ok') return err('document_file_missing', '文书文件缺失或损坏，请重新生成');
  return ok({ fileName: d.fileName, mime: 'application/pdf', dataBase64: f.bytes.toString('base64') });
}

/**
 * Records how a document reached its recipient; paper deliveries also get a 送达回证. A paper
 * withheld from the operator is delivered, and its delivery recorded, by a 科长/督办: whoever
 * records it names the reporter as recipient and has held the paper.
 */
export async function deliverDocument(ctx: ServiceContext, documentId: string, d: { method: DeliveryMethod; to: string; at: string }) {
  const doc = documentById(ctx.db, documentId);
  if (!doc) return err('document_not_found', '文书不存在');
  const refused = storedPaperRefusal(ctx, doc);
  if (refused) return refused;
  if (doc.deliveredAt) return err('already_delivered', `该文书已于 ${doc.deliveredAt.slice(0, 10)} 送达`);
  const kind = doc.kind;
  ctx.db.transaction((tx) => {
    recordDelivery(tx, documentId, { deliveryMethod: d.method, deliveredTo: d.to, deliveredAt: d.at });
    const payload = { documentId, matterId: doc.matterId, kind, method: d.method, to: d.to, at: d.at } satisfies EventPayload<'document.delivered'>;
    appendEvent(tx, { id: uuidv7(), type: 'document.delivered', entityId: doc.matterId, occurredAt: d.at, payload });
  });
  ctx.afterLocalWrite();
  if (d.method !== 'electronic' && kind !== 'delivery-receipt') {
    const receipt = await generateDocument(ctx, doc.matterId, 'delivery-receipt', { kind, ...d });
    if (!receipt.ok) return receipt;
  }
  return ok({ documentId, deliveredAt: d.at });
}
