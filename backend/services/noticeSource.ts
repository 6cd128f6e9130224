// What a notice is made from (documentFields.ts, opinionFields.ts): the matter's file as stored,
// and what comes from outside it — who issues, the review bodies, the calendar, the day.
import dayjs from 'dayjs';
import type { DeadlineEngine, IsoDate } from '../../domain/calendar/deadlines';
import type { DocumentKind } from '../../domain/documents/kinds';
import type { BureauSettings } from '../../domain/documents/settings';
import type { DeliveryMethod, MatterCommand } from '../../domain/matters/commands';
import type { MatterLifecycle } from '../../domain/matters/lifecycle';
import type { MatterState } from '../../domain/matters/states';
import type { OrganisationIndex } from '../../domain/reference/organisation';

export interface DocumentSource {
  matterNo: string;
  receivedAt: string;
  channel: string;
  summary: string;
  visitorName: string;
  idNumber: string;
  address: string;
  reporterProtected: boolean;
  lifecycle: MatterLifecycle;
  /** Commands applied so far, oldest first: replies and opinions carry the documents' texts. */
  commands: MatterCommand[];
  /** The state each of `commands` was taken in: a hearing is held by the body of its stage. */
  takenIn: MatterState[];
  acceptanceLastDay: string | null;
  handlingLastDay: string | null;
  /** The handling deadline before any extension, for the 延期告知书. */
  originalHandlingLastDay: string | null;
  delivery?: { kind: DocumentKind; method: DeliveryMethod; to: string; at: string; by: string };
}

export type Fields = Record<string, string>;

/** What the notices take from outside the matter: who issues them, the review bodies, the calendar, the day. */
export interface NoticeContext {
  bureau: BureauSettings;
  organisations: OrganisationIndex;
  engine: DeadlineEngine;
  today: IsoDate;
}

export const cn = (d: string | null | undefined) => (d ? dayjs(d).format('YYYY年M月D日') : '');

export function last<T extends MatterCommand['type']>(cmds: MatterCommand[], type: T): Extract<MatterCommand, { type: T }> | undefined {
  return [...cmds].reverse().find((c): c is Extract<MatterCommand, { type: T }> => c.type === type);
}
