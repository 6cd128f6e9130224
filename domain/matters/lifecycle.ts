// The life of a petition matter (信访事项) as a state machine: which command may follow which,
// what each records, and which statutory deadline runs next (DOMAIN.md §2–§5). Pure: times come
// in on the commands, deadlines come from domain/deadlines.ts (injectable calendar), and a
// refused command is an error value that leaves the matter untouched.
//
//   registered → classified → guided | transferred | assigned | accepted | not-accepted
//   accepted (or transferred/assigned, taken up by the receiving body) → handling → (extended)
//   → replied → delivered → rated → closed; from delivered/rated/closed, within the review window:
//   review-requested → review-opinion → re-review-requested → re-review-opinion → terminated.
//   guided / not-accepted → closed. A repeat visit is recorded without changing state.
//
// Article numbers are cited only where DOMAIN.md states them (arts. 18, 30, 31, 32); the
// review/re-review/extension rules follow DOMAIN.md §4's table.
import { z } from 'zod';
import { requiredText as text } from '../schema/text';
import {
  deadlineStepSchema,
  defaultDeadlineEngine,
  isoDateSchema,
  type DeadlineEngine,
  type DeadlineStep,
  type IsoDate,
} from '../calendar/deadlines';
import { documentKindSchema, type DocumentKind } from '../documents/kinds';
import { err, ok, type Err, type Result } from '../result';
import {
  isLegalRoute,
  matterClassSchema,
  matterRouteSchema,
  routeFitsClass,
  type MatterRoute,
} from './classification';

// --- states

export const matterStateSchema = z.enum([
  'registered',
  'classified',
  'guided',
  'transferred',
  'assigned',
  'accepted',
  'not-accepted',
  'handling',
  'extended',
  'replied',
  'delivered',
  'rated',
  'closed',
  'review-requested',
  'review-opinion',
  're-review-requested',
  're-review-opinion',
  'terminated',
]);
export type MatterState = z.infer<typeof matterStateSchema>;
export const MATTER_STATES: readonly MatterState[] = matterStateSchema.options;

export const STATE_LABELS: Readonly<Record<MatterState, string>> = {
  registered: '已登记',
  classified: '已分类',
  guided: '已导入法定途径',
  transferred: '已转送',
  assigned: '已交办',
  accepted: '已受理',
  'not-accepted': '不予受理',
  handling: '办理中',
  extended: '延期办理中',
  replied: '已答复',
  delivered: '已送达',
  rated: '已评价',
  closed: '已办结',
  'review-requested': '复查中',
  'review-opinion': '已出具复查意见',
  're-review-requested': '复核中',
  're-review-opinion': '已出具复核意见',
  terminated: '已终结',
};

// --- vocabularies used by the commands

// The documents a command produces are the printable kinds of domain/documents/kinds.ts.
export { documentKindSchema, type DocumentKind } from '../documents/kinds';

/** 条例 art. 32: support / explain / not support, each with its legal basis. */
export const opinionSchema = z.enum(['support', 'explain', 'not-support']);
export type Opinion = z.infer<typeof opinionSchema>;
export const OPINION_LABELS: Readonly<Record<Opinion, string>> = {
  support: '予以支持',
  explain: '解释说明',
  'not-support': '不予支持',
};

export const deliveryMethodSchema = z.enum(['in-person', 'post', 'electronic', 'left', 'announcement']);
export type DeliveryMethod = z.infer<typeof deliveryMethodSchema>;
export const DELIVERY_METHOD_LABELS: Readonly<Record<DeliveryMethod, string>> = {
  'in-person': '直接送达',
  post: '邮寄送达',
  electronic: '电子送达',
  left: '留置送达',
  announcement: '公告送达',
};

export const ratingSchema = z.enum(['satisfied', 'basically-satisfied', 'unsatisfied']);
export type Rating = z.infer<typeof ratingSchema>;
export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  satisfied: '满意',
  'basically-satisfied': '基本满意',
  unsatisfied: '不满意',
};

// --- commands


export const actorSchema = z.strictObject({
  userId: text('操作人编号', 100),
  name: text('操作人姓名', 50),
  role: text('操作人角色', 50),
});
export type Actor = z.infer<typeof actorSchema>;

/** What every command carries: who, when (an instant with its offset), why, and the documents produced. */
const envelope = {
  actor: actorSchema,
  at: z.iso.datetime({ offset: true, error: '时间应为带时区的 ISO 时间' }),
  reason: z.string().trim().max(1000, { error: '事由不能超过1000个字' }).default(''),
  documents: z.array(documentKindSchema).max(20).default([]),
};

const classifyCommandSchema = z
  .strictObject({
    ...envelope,
    type: z.literal('classify'),
    class: matterClassSchema,
    route: matterRouteSchema,
    body: text('责任单位', 100),
    note: z.string().trim().max(1000).default(''),
  })
  .refine((c) => routeFitsClass(c.class, c.route), { error: '处理途径与事项类别不符', path: ['route'] });

export const matterCommandSchema = z.discriminatedUnion('type', [
  classifyCommandSchema,
  z.strictObject({ ...envelope, type: z.literal('guide') }),
  z.strictObject({ ...envelope, type: z.literal('transfer'), toBody: text('转送单位', 100) }),
  z.strictObject({ ...envelope, type: z.literal('assign'), toBody: text('交办单位', 100) }),
  z.strictObject({ ...envelope, type: z.literal('accept') }),
  // The envelope's reason is the reason for not accepting: required here.
  z.strictObject({ ...envelope, type: z.literal('decline'), reason: text('不予受理理由', 1000) }),
  z.strictObject({ ...envelope, type: z.literal('startHandling') }),
  z.strictObject({
    ...envelope,
    type: z.literal('extend'),
    // DOMAIN §4: +30 days at most, with the head's approval, the reason told to the petitioner.
    days: z
      .number({ error: '延长天数应为数字' })
      .int({ error: '延长天数应为整数' })
      .min(1, { error: '延长天数至少为1日' })
      .max(30, { error: '延长期限不得超过30日' }),
    reason: text('延期理由', 1000),
    approvedBy: text('批准人', 50),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('reply'),
    opinion: opinionSchema,
    basis: text('法律法规依据', 2000),
    text: text('处理意见', 20000),
  }),
  z.strictObject({ ...envelope, type: z.literal('deliver'), method: deliveryMethodSchema, to: text('受送达人', 100) }),
  z.strictObject({ ...envelope, type: z.literal('rate'), rating: ratingSchema }),
  z.strictObject({ ...envelope, type: z.literal('close') }),
  z.strictObject({ ...envelope, type: z.literal('requestReview') }),
  z.strictObject({ ...envelope, type: z.literal('reviewOpinion'), opinion: opinionSchema, text: text('复查意见', 20000) }),
  z.strictObject({ ...envelope, type: z.literal('requestReReview') }),
  z.strictObject({ ...envelope, type: z.literal('reReviewOpinion'), opinion: opinionSchema, text: text('复核意见', 20000) }),
  z.strictObject({ ...envelope, type: z.literal('terminate') }),
  z.strictObject({
    ...envelope,
    type: z.literal('pauseForHearing'),
    days: z.number({ error: '听证天数应为数字' }).int({ error: '听证天数应为整数' }).min(1, { error: '听证天数至少为1日' }).max(365),
  }),
  z.strictObject({ ...envelope, type: z.literal('repeatVisit') }),
]);
export type MatterCommand = z.output<typeof matterCommandSchema>;
export type MatterCommandInput = z.input<typeof matterCommandSchema>;
export type CommandType = MatterCommand['type'];
export const COMMAND_TYPES: readonly CommandType[] = matterCommandSchema.options.map((o) => o.shape.type.value);

export const COMMAND_LABELS: Readonly<Record<CommandType, string>> = {
  classify: '分类',
  guide: '导入法定途径',
  transfer: '转送',
  assign: '交办',
  accept: '受理',
  decline: '不予受理',
  startHandling: '开始办理',
  extend: '延期',
  reply: '答复',
  deliver: '送达',
  rate: '满意度评价',
  close: '办结',
  requestReview: '申请复查',
  reviewOpinion: '出具复查意见',
  requestReReview: '申请复核',
  reReviewOpinion: '出具复核意见',
  terminate: '终结',
  pauseForHearing: '听证（期间不计入复核期限）',
  repeatVisit: '登记重复访',
};

/** The documents a command usually produces, to preselect in the UI (not enforced). */
export const COMMAND_DOCUMENTS: Readonly<Record<CommandType, readonly DocumentKind[]>> = {
  classify: [],
  // Guiding into a legal route is told in writing with the route and the competent body (DOMAIN §3).
  guide: ['non-acceptance-notice'],
  transfer: ['transfer-notice'],
  assign: ['transfer-notice'],
  accept: ['acceptance-notice'],
  decline: ['non-acceptance-notice'],
  startHandling: [],
  extend: ['extension-notice'],
  reply: ['handling-opinion'],
  deliver: ['delivery-receipt'],
  rate: [],
  close: [],
  requestReview: [],
  reviewOpinion: ['review-opinion'],
  requestReReview: [],
  reReviewOpinion: ['re-review-opinion'],
  terminate: [],
  pauseForHearing: [],
  repeatVisit: [],
};

/** The written document a 送达 step hands over, by the state it is delivered in. */
export const DELIVERED_DOCUMENT: Readonly<Partial<Record<MatterState, DocumentKind>>> = {
  replied: 'handling-opinion',
  'review-opinion': 'review-opinion',
  're-review-opinion': 're-review-opinion',
};

// --- the transition table

const ALL_BUT_TERMINATED = MATTER_STATES.filter((s) => s !== 'terminated');

/** From which states a command is legal, and where it leads ('same' = state unchanged). */
const TRANSITIONS: Readonly<
  Record<CommandType, { from: readonly MatterState[]; to: MatterState | 'same' | ((from: MatterState) => MatterState) }>
> = {
  classify: { from: ['registered'], to: 'classified' },
  guide: { from: ['classified'], to: 'guided' },
  transfer: { from: ['classified'], to: 'transferred' },
  assign: { from: ['classified'], to: 'assigned' },
  // A transferred or assigned matter is accepted by the body it went to.
  accept: { from: ['classified', 'transferred', 'assigned'], to: 'accepted' },
  decline: { from: ['classified'], to: 'not-accepted' },
  // Our reading: a receiving body that starts handling without a separate 受理 step has accepted it that day.
  startHandling: { from: ['accepted', 'transferred', 'assigned'], to: 'handling' },
  extend: { from: ['handling'], to: 'extended' },
  reply: { from: ['handling', 'extended'], to: 'replied' },
  // Delivering the review or re-review opinion is recorded without leaving its state.
  deliver: { from: ['replied', 'review-opinion', 're-review-opinion'], to: (from) => (from === 'replied' ? 'delivered' : from) },
  rate: { from: ['delivered'], to: 'rated' },
  close: { from: ['guided', 'not-accepted', 'delivered', 'rated'], to: 'closed' },
  requestReview: { from: ['delivered', 'rated', 'closed'], to: 'review-requested' },
  reviewOpinion: { from: ['review-requested'], to: 'review-opinion' },
  requestReReview: { from: ['review-opinion'], to: 're-review-requested' },
  // Hearing time is not counted in the re-review period (DOMAIN §4): the only pause the rules allow.
  pauseForHearing: { from: ['re-review-requested'], to: 'same' },
  reReviewOpinion: { from: ['re-review-requested'], to: 're-review-opinion' },
  terminate: { from: ['re-review-opinion'], to: 'terminated' },
  repeatVisit: { from: ALL_BUT_TERMINATED, to: 'same' },
};

/** Commands whose state precondition holds in `state` (the UI's buttons). Route and window rules may still refuse. */
export function allowedCommands(state: MatterState): CommandType[] {
  return COMMAND_TYPES.filter((t) => TRANSITIONS[t].from.includes(state));
}

// --- the matter's lifecycle record

export const deadlinePartySchema = z.enum(['authority', 'petitioner']);
/** 'authority': the bureau or the handling body must act (red when overdue); 'petitioner': a window that lapses. */
export type DeadlineParty = z.infer<typeof deadlinePartySchema>;

const nullableDate = isoDateSchema.nullable();

export const matterLifecycleSchema = z.object({
  state: matterStateSchema,
  class: matterClassSchema.nullable(),
  route: matterRouteSchema.nullable(),
  /** The responsible unit: set by classify, replaced by transfer/assign. */
  body: z.string().nullable(),
  /** 检举控告: the reporter is protected (条例 art. 30). */
  protectReporter: z.boolean(),
  receivedOn: isoDateSchema,
  classifiedOn: nullableDate,
  /** Day of guide / transfer / assign / decline. */
  routedOn: nullableDate,
  acceptedOn: nullableDate,
  extended: z.boolean(),
  extensionDays: z.number().int().min(0).max(30),
  repliedOn: nullableDate,
  replyOpinion: opinionSchema.nullable(),
  /** The day the petitioner received the written reply: the review window runs from it. */
  replyDeliveredOn: nullableDate,
  rating: ratingSchema.nullable(),
  closedOn: nullableDate,
  reviewRequestedOn: nullableDate,
  reviewOpinionOn: nullableDate,
  reviewOpinion: opinionSchema.nullable(),
  reviewOpinionDeliveredOn: nullableDate,
  reReviewRequestedOn: nullableDate,
  hearingPauseDays: z.number().int().min(0),
  reReviewOpinionOn: nullableDate,
  reReviewOpinion: opinionSchema.nullable(),
  reReviewOpinionDeliveredOn: nullableDate,
  terminatedOn: nullableDate,
  repeatVisits: z.number().int().min(0),
  /** The deadline that runs now, or null when none does. `from` is the event it counts from. */
  deadlines: z
    .object({ nextStep: deadlineStepSchema, from: isoDateSchema, lastDay: isoDateSchema, party: deadlinePartySchema })
    .nullable(),
  /** Number of transitions applied. */
  historyLength: z.number().int().min(0),
  /** Instant of the last transition: commands must come in time order. */
  lastEventAt: z.string().nullable(),
});
export type MatterLifecycle = z.infer<typeof matterLifecycleSchema>;
export type MatterDeadline = NonNullable<MatterLifecycle['deadlines']>;

export type Transition = {
  from: MatterState;
  to: MatterState;
  command: MatterCommand;
  actor: Actor;
  at: string;
  reason: string;
  documents: DocumentKind[];
};

export type LifecycleContext = {
  /** The deadline engine (calendar); defaults to the chinese-days one. */
  deadlines?: DeadlineEngine;
};

/** Error codes of applyCommand; stable, for programs. */
export type LifecycleErrorCode =
  | 'already_terminated'
  | 'illegal_transition'
  | 'extension_limit'
  | 'review_window_closed'
  | 'route_mismatch'
  | 'time_out_of_order'
  | 'invalid_command';

// --- dates

const MS_PER_HOUR = 3_600_000;
/**
 * The Chinese calendar day of an instant. China keeps UTC+8 all year, so this is fixed and does
 * not depend on the host's time zone; a deadline is a whole day in China (deadlines.ts).
 */
export function chinaDateOf(at: string): IsoDate {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO timestamp: ${JSON.stringify(at)}`);
  return new Date(ms + 8 * MS_PER_HOUR).toISOString().slice(0, 10);
}

// --- registering and deadlines

/** A new matter, as registered at the window on `receivedOn` (registration is immediate: DOMAIN §4). */
export function initialLifecycle(receivedOn: IsoDate, ctx?: LifecycleContext): MatterLifecycle {
  if (!isoDateSchema.safeParse(receivedOn).success) throw new RangeError(`not a real date (YYYY-MM-DD): ${JSON.stringify(receivedOn)}`);
  const m: MatterLifecycle = {
    state: 'registered',
    class: null,
    route: null,
    body: null,
    protectReporter: false,
    receivedOn,
    classifiedOn: null,
    routedOn: null,
    acceptedOn: null,
    extended: false,
    extensionDays: 0,
    repliedOn: null,
    replyOpinion: null,
    replyDeliveredOn: null,
    rating: null,
    closedOn: null,
    reviewRequestedOn: null,
    reviewOpinionOn: null,
    reviewOpinion: null,
    reviewOpinionDeliveredOn: null,
    reReviewRequestedOn: null,
    hearingPauseDays: 0,
    reReviewOpinionOn: null,
    reReviewOpinion: null,
    reReviewOpinionDeliveredOn: null,
    terminatedOn: null,
    repeatVisits: 0,
    deadlines: null,
    historyLength: 0,
    lastEventAt: null,
  };
  return { ...m, deadlines: computeDeadline(m, engineOf(ctx)) };
}

const engineOf = (ctx?: LifecycleContext) => ctx?.deadlines ?? defaultDeadlineEngine;

const authority = (engine: DeadlineEngine, step: DeadlineStep, from: IsoDate): MatterDeadline => ({
  nextStep: step,
  from,
  lastDay: engine.deadlineFor(step, from),
  party: 'authority',
});

/** The handling deadline: 60 days from acceptance, then the approved extension on top of it. */
export function handlingDeadline(m: MatterLifecycle, engine: DeadlineEngine = defaultDeadlineEngine): MatterDeadline | null {
  if (!m.acceptedOn) return null;
  const base = authority(engine, 'handling', m.acceptedOn);
  if (m.extensionDays === 0) return base;
  // The extension runs on from the original last day (DEADLINE_RULES.extension); for the full
  // 30 days addPause gives the same day as deadlineFor('extension', lastDay).
  return { nextStep: 'extension', from: base.lastDay, lastDay: engine.addPause(base.lastDay, m.extensionDays), party: 'authority' };
}

/**
 * Which deadline runs in the matter's present state. Derived from the recorded dates, never
 * patched step by step, so it is the same however the matter got here.
 */
function computeDeadline(m: MatterLifecycle, engine: DeadlineEngine): MatterDeadline | null {
  const reviewWindow = (): MatterDeadline | null =>
    m.replyDeliveredOn
      ? { nextStep: 'review-request', from: m.replyDeliveredOn, lastDay: engine.deadlineFor('review-request', m.replyDeliveredOn), party: 'petitioner' }
      : null;
  const reReviewOpinion = (): MatterDeadline | null => {
    if (!m.reReviewRequestedOn) return null;
    const d = authority(engine, 're-review-opinion', m.reReviewRequestedOn);
    return m.hearingPauseDays > 0 ? { ...d, lastDay: engine.addPause(d.lastDay, m.hearingPauseDays) } : d;
  };
  switch (m.state) {
    case 'registered':
    case 'classified':
      // 15 days from receipt to decide and tell acceptance / transfer / assignment.
      return authority(engine, 'acceptance-notice', m.receivedOn);
    case 'transferred':
    case 'assigned':
      // The receiving body may object within 5 working days if the matter is outside its powers.
      return m.routedOn ? authority(engine, 'transfer-objection', m.routedOn) : null;
    // Our reading for 'replied': the written reply is given when it reaches the petitioner, so
    // the handling deadline keeps running until delivery.
    case 'accepted':
    case 'handling':
    case 'extended':
    case 'replied':
      return handlingDeadline(m, engine);
    case 'delivered':
    case 'rated':
    case 'closed':
      return reviewWindow();
    case 'review-requested':
      return m.reviewRequestedOn ? authority(engine, 'review-opinion', m.reviewRequestedOn) : null;
    case 'review-opinion':
      if (m.reviewOpinionDeliveredOn) {
        return {
          nextStep: 're-review-request',
          from: m.reviewOpinionDeliveredOn,
          lastDay: engine.deadlineFor('re-review-request', m.reviewOpinionDeliveredOn),
          party: 'petitioner',
        };
      }
      return m.reviewRequestedOn ? authority(engine, 'review-opinion', m.reviewRequestedOn) : null;
    case 're-review-requested':
      return reReviewOpinion();
    case 're-review-opinion':
      return m.reReviewOpinionDeliveredOn ? null : reReviewOpinion();
    case 'guided':
    case 'not-accepted':
    case 'terminated':
      return null;
  }
}

export const STEP_LABELS: Readonly<Record<DeadlineStep, string>> = {
  'acceptance-notice': '受理告知期限',
  handling: '办理期限',
  extension: '延期办理期限',
  'review-request': '申请复查期限',
  'review-opinion': '复查意见期限',
  're-review-request': '申请复核期限',
  're-review-opinion': '复核意见期限',
  'transfer-objection': '转送异议期限',
  'simplified-handling': '简易办理期限',
};

export type NextDeadline = {
  step: DeadlineStep;
  label: string;
  lastDay: IsoDate;
  /** 0 = due today, negative = overdue. */
  daysLeft: number;
  /** Red in the work queue: only an authority's deadline can be overdue. */
  overdue: boolean;
  party: DeadlineParty;
};

/**
 * The deadline to show for the matter on `today`, or null when none runs. A petitioner's window
 * (asking for review or re-review) that has lapsed is nobody's fault: it gives null, not red.
 */
export function nextDeadline(matter: MatterLifecycle, today: IsoDate, ctx?: LifecycleContext): NextDeadline | null {
  const d = matter.deadlines;
  if (!d) return null;
  const left = engineOf(ctx).daysLeft(d.lastDay, today);
  if (d.party === 'petitioner' && left < 0) return null;
  return { step: d.nextStep, label: STEP_LABELS[d.nextStep], lastDay: d.lastDay, daysLeft: left, overdue: d.party === 'authority' && left < 0, party: d.party };
}

// --- applying a command

export type ApplyResult = Result<{ matter: MatterLifecycle; transition: Transition }>;

/**
 * Apply one command. Order of checks (so each refusal has one stable code): terminated matter;
 * second extension; state precondition; extension length; command shape; time order; route;
 * review windows. A refusal never changes `matter` (nothing here mutates its input).
 */
export function applyCommand(matter: MatterLifecycle, cmd: MatterCommandInput, ctx?: LifecycleContext): ApplyResult {
  const engine = engineOf(ctx);
  const type = (cmd as { type?: unknown }).type;
  const state = matter.state;

  // DOMAIN §2: a terminated matter is not reopened by the same request; a new visit on it is
  // registered as a visit and explained, not applied to this matter.
  if (state === 'terminated') {
    return err('already_terminated', '该信访事项已终结，同一事实和理由的请求不再受理；如再次来访，请登记来访并做好解释。');
  }
  if (typeof type !== 'string' || !(type in TRANSITIONS)) return err('invalid_command', '无法识别的操作', 'type');
  const t = type as CommandType;

  if (t === 'extend' && (state === 'extended' || matter.extended)) {
    return err('extension_limit', '办理期限只能延长一次，延长期限不得超过30日。', 'days');
  }
  const rule = TRANSITIONS[t];
  if (!rule.from.includes(state)) {
    return err('illegal_transition', `当前状态为「${STATE_LABELS[state]}」，不能执行「${COMMAND_LABELS[t]}」。`);
  }
  if (t === 'extend') {
    const days = (cmd as { days?: unknown }).days;
    if (typeof days === 'number' && days > 30) return err('extension_limit', '延长期限不得超过30日。', 'days');
  }

  const parsed = matterCommandSchema.safeParse(cmd);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err('invalid_command', issue?.message ?? '操作内容有误', issue?.path.join('.') || undefined);
  }
  const c = parsed.data;

  const day = chinaDateOf(c.at);
  if (day < matter.receivedOn) return err('time_out_of_order', '操作时间早于收到信访事项的日期。', 'at');
  if (matter.lastEventAt !== null && Date.parse(c.at) < Date.parse(matter.lastEventAt)) {
    return err('time_out_of_order', '操作时间早于该事项上一步的时间，请核对时间。', 'at');
  }

  // A matter closed without a delivered reply (declined, guided) has nothing to review.
  if (c.type === 'requestReview' && matter.replyDeliveredOn === null) {
    return err('illegal_transition', '该事项没有已送达的书面答复，不能请求复查。');
  }
  const routeCheck = checkRoute(matter, c);
  if (routeCheck) return routeCheck;
  const windowCheck = checkWindows(matter, c, day, engine);
  if (windowCheck) return windowCheck;

  const next = nextFields(matter, c, day);
  if ('ok' in next) return next;
  const to: MatterState = rule.to === 'same' ? state : typeof rule.to === 'function' ? rule.to(state) : rule.to;
  const updated: MatterLifecycle = {
    ...matter,
    ...next,
    state: to,
    historyLength: matter.historyLength + 1,
    lastEventAt: c.at,
  };
  updated.deadlines = computeDeadline(updated, engine);
  return ok({
    matter: updated,
    transition: { from: state, to, command: c, actor: c.actor, at: c.at, reason: c.reason, documents: c.documents },
  });
}

/** Art. 31: routes 1–4 are guided out of the petition channel; only they can be guided. */
function checkRoute(m: MatterLifecycle, c: MatterCommand): Err | null {
  const route: MatterRoute | null = m.route;
  if (c.type === 'guide' && (route === null || !isLegalRoute(route))) {
    return err('route_mismatch', '只有应当通过诉讼、仲裁、党员申诉或行政程序解决的事项才能导入法定途径（《信访工作条例》第三十一条）。');
  }
  if ((c.type === 'accept' || c.type === 'startHandling') && route !== null && isLegalRoute(route)) {
    return err('route_mismatch', '该事项应当导入法定途径，不按信访程序受理办理（《信访工作条例》第三十一条）。');
  }
  // Our reading: review and re-review are of a 信访处理意见 issued in the petition procedure (art. 31 item 6).
  if ((c.type === 'requestReview' || c.type === 'requestReReview') && route !== 'petition-procedure') {
    return err('route_mismatch', '只有按信访程序出具信访处理意见书的事项可以请求复查、复核。');
  }
  return null;
}

/** The petitioner's 30-day windows for review and re-review (DOMAIN §4). */
function checkWindows(m: MatterLifecycle, c: MatterCommand, day: IsoDate, engine: DeadlineEngine): Err | null {
  if (c.type === 'requestReview' && m.replyDeliveredOn) {
    const last = engine.deadlineFor('review-request', m.replyDeliveredOn);
    if (day > last) {
      return err('review_window_closed', `请求复查的期限已于${last}届满（自收到书面答复之日起30日）。`);
    }
  }
  // Before the review opinion is delivered the window has not started: an early request is taken.
  if (c.type === 'requestReReview' && m.reviewOpinionDeliveredOn) {
    const last = engine.deadlineFor('re-review-request', m.reviewOpinionDeliveredOn);
    if (day > last) {
      return err('review_window_closed', `请求复核的期限已于${last}届满（自收到复查意见之日起30日）。`);
    }
  }
  return null;
}

/** The fields a command records, or a refusal found only here. */
function nextFields(m: MatterLifecycle, c: MatterCommand, day: IsoDate): Partial<MatterLifecycle> | Err {
  switch (c.type) {
    case 'classify':
      return {
        class: c.class,
        route: c.route,
        body: c.body,
        classifiedOn: day,
        // 条例 art. 30: the reporter's identity and materials never reach the accused.
        protectReporter: c.class === 'accusation',
      };
    case 'guide':
    case 'decline':
      return { routedOn: day };
    case 'transfer':
    case 'assign':
      return { routedOn: day, body: c.toBody };
    case 'accept':
      return { acceptedOn: day };
    case 'startHandling':
      return { acceptedOn: m.acceptedOn ?? day };
    case 'extend':
      return { extended: true, extensionDays: c.days };
    case 'reply':
      return { repliedOn: day, replyOpinion: c.opinion };
    case 'deliver':
      if (m.state === 'replied') return { replyDeliveredOn: day };
      if (m.state === 'review-opinion') {
        if (m.reviewOpinionDeliveredOn) return err('illegal_transition', '复查意见已送达，不能重复登记送达。');
        return { reviewOpinionDeliveredOn: day };
      }
      if (m.reReviewOpinionDeliveredOn) return err('illegal_transition', '复核意见已送达，不能重复登记送达。');
      return { reReviewOpinionDeliveredOn: day };
    case 'rate':
      return { rating: c.rating };
    case 'close':
      return { closedOn: day };
    case 'requestReview':
      return { reviewRequestedOn: day };
    case 'reviewOpinion':
      return { reviewOpinionOn: day, reviewOpinion: c.opinion };
    case 'requestReReview':
      return { reReviewRequestedOn: day };
    case 'reReviewOpinion':
      return { reReviewOpinionOn: day, reReviewOpinion: c.opinion };
    case 'pauseForHearing':
      return { hearingPauseDays: m.hearingPauseDays + c.days };
    case 'terminate':
      return { terminatedOn: day };
    case 'repeatVisit':
      return { repeatVisits: m.repeatVisits + 1 };
  }
}

/**
 * The commands that would pass the state and route rules for this matter (windows and command
 * contents aside): a finer list for the UI than allowedCommands(state).
 */
export function allowedCommandsFor(matter: MatterLifecycle): CommandType[] {
  if (matter.state === 'terminated') return [];
  const legal = matter.route !== null && isLegalRoute(matter.route);
  return allowedCommands(matter.state).filter((t) => {
    if (t === 'guide') return legal;
    if (t === 'accept' || t === 'startHandling') return !legal;
    if (t === 'requestReview') return matter.route === 'petition-procedure' && matter.replyDeliveredOn !== null;
    if (t === 'requestReReview') return matter.route === 'petition-procedure';
    if (t === 'deliver' && matter.state === 'review-opinion') return matter.reviewOpinionDeliveredOn === null;
    if (t === 'deliver' && matter.state === 're-review-opinion') return matter.reReviewOpinionDeliveredOn === null;
    return true;
  });
}
