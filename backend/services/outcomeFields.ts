// The values of the hearing's notice and record (听证通知书, 听证笔录) and of the agreement of
// 调解 / 和解 (调解协议书, 和解协议书), DOMAIN.md §5, 条例 arts. 31, 33 and 36. A hearing is held by
// the body of the stage it was noticed in — the handling body, or the 复查 or 复核 body read off
// the organisation tree — and cites that stage's article; each document is drawn from the step
// that made it, and one whose step lacks what it must say is refused in words.
import { DOCUMENT_TITLES, type DocumentKind } from '../../domain/documents/kinds';
import { ARTICLES, HEARING_STAGES, hearingStageOf, type HearingStage } from '../../domain/documents/wording';
import { AGREEMENT_DOCUMENTS, type MatterCommand } from '../../domain/matters/commands';
import { err, ok, type Result } from '../../domain/result';
import { cn, type DocumentSource, type Fields, type NoticeContext } from './noticeSource';
import { reviewer } from './opinionFields';

type Step<T extends MatterCommand['type']> = { command: Extract<MatterCommand, { type: T }>; index: number };

/** The newest command of `type` before `before` (all of them when omitted), with its place in the file. */
function lastBefore<T extends MatterCommand['type']>(s: DocumentSource, type: T, before = s.commands.length): Step<T> | undefined {
  for (let i = before - 1; i >= 0; i--) {
    const c = s.commands[i] as MatterCommand;
    if (c.type === type) return { command: c as Extract<MatterCommand, { type: T }>, index: i };
  }
  return undefined;
}

/** 09:30 -> 9时30分; 14:00 -> 14时. */
function clockInWords(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return `${h}时${m === 0 ? '' : `${m}分`}`;
}

/** The body that holds a hearing at `stage`. */
function holdingBody(s: DocumentSource, n: NoticeContext, stage: HearingStage): Result<string> {
  if (stage === 'handling') return ok(s.lifecycle.body ?? n.bureau.name);
  return reviewer(s, n, stage);
}

/** What both hearing documents say about the hearing that `notice` announced. */
function hearing(s: DocumentSource, n: NoticeContext, notice: Step<'noticeHearing'>): Result<Fields> {
  const stage = hearingStageOf(s.takenIn[notice.index] ?? 'registered');
  const { hearingOn, hearingTime, place } = notice.command;
  if (!stage || !hearingTime) return err('notice_unavailable', '该听证通知没有载明听证时间，不能出具听证文书，请重新发出听证通知');
  const body = holdingBody(s, n, stage);
  if (!body.ok) return body;
  const words = HEARING_STAGES[stage];
  return ok({
    holdingBody: body.value,
    article: words.article,
    stage: words.stage,
    hearingPeriod: words.period,
    hearingDate: cn(hearingOn),
    hearingTime: `${cn(hearingOn)}${clockInWords(hearingTime)}`,
    hearingPlace: place,
  });
}

/** 听证通知书: when, where, which body, the petitioner's part in it and whether its days count; signed by the holding body. */
export function hearingNoticeFields(s: DocumentSource, n: NoticeContext, common: Fields): Result<Fields> {
  const notice = lastBefore(s, 'noticeHearing');
  if (!notice) return err('notice_unavailable', '该事项没有发出听证通知，不能出具听证通知书');
  const h = hearing(s, n, notice);
  if (!h.ok) return h;
  return ok({ ...common, ...h.value, issuingBody: h.value.holdingBody ?? '' });
}

/** 听证笔录: the hearing the latest record belongs to, who took part, what they stated and the facts it found. */
export function hearingRecordFields(s: DocumentSource, n: NoticeContext, common: Fields): Result<Fields> {
  const record = lastBefore(s, 'pauseForHearing');
  const notice = record && lastBefore(s, 'noticeHearing', record.index);
  if (!record || !notice) return err('notice_unavailable', '该事项没有听证记录，不能出具听证笔录');
  const { participants, statements, factsHeard, record: proceedings, days } = record.command;
  if (!participants || !statements || !factsHeard) return err('notice_unavailable', '该听证记录没有载明听证参加人、陈述和查明的事实，不能出具听证笔录');
  const h = hearing(s, n, notice);
  if (!h.ok) return h;
  return ok({ ...common, ...h.value, hearingDays: `${days}日`, participants, statements, factsHeard, proceedings });
}

/** 调解协议书 / 和解协议书 (art. 33): the parties, the matter, the terms, the body before which it was reached. */
export function agreementFields(kind: Extract<DocumentKind, 'mediation-agreement' | 'reconciliation-agreement'>, s: DocumentSource, n: NoticeContext, common: Fields): Result<Fields> {
  const settle = lastBefore(s, 'settle')?.command;
  if (!settle || AGREEMENT_DOCUMENTS[settle.kind] !== kind || !s.lifecycle.settledOn) {
    return err('notice_unavailable', `该事项没有经${kind === 'mediation-agreement' ? '调解' : '和解'}达成协议，不能出具${DOCUMENT_TITLES[kind]}`);
  }
  if (!settle.otherParty) return err('notice_unavailable', `该协议没有载明对方当事人，不能出具${DOCUMENT_TITLES[kind]}`);
  const handlingBody = s.lifecycle.body ?? n.bureau.name;
  return ok({
    ...common,
    article: ARTICLES.settlement,
    handlingBody,
    otherParty: settle.otherParty,
    terms: settle.agreement,
    agreedAt: cn(s.lifecycle.settledOn),
  });
}
