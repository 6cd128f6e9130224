// Well-formed lifecycle commands for tests, with default contents, and applying them strictly.
import { applyCommand, initialLifecycle, type Transition } from '../../domain/matters/applyCommand';
import { matterCommandSchema, type CommandType, type MatterCommand } from '../../domain/matters/commands';
import type { MatterLifecycle } from '../../domain/matters/lifecycle';

export const actor = { userId: 'u-001', name: '王晓', role: 'clerk' };

/** Beijing-time instant on `day` at `hh:00`. */
export const at = (day: string, hh = 10) => `${day}T${String(hh).padStart(2, '0')}:00:00+08:00`;

/** A well-formed command of `type` with default contents. */
export function command(type: CommandType, when: string, extra: Record<string, unknown> = {}): MatterCommand {
  const payload: Record<CommandType, Record<string, unknown>> = {
    classify: { class: 'complaint', route: 'petition-procedure', body: '县住房和城乡建设局', note: '' },
    guide: {},
    transfer: { toBody: '县人力资源和社会保障局' },
    // The bureau's day for the 办结报告: a day after any test's assignment.
    assign: { toBody: '某镇人民政府', dueOn: '2099-12-31' },
    accept: {},
    decline: { reason: '越级走访，已告知向县级有权机关提出', ground: 'skip-level', toBody: '县住房和城乡建设局' },
    startHandling: {},
    extend: { days: 30, reason: '情况复杂，需调查核实', approvedBy: '李局长' },
    reply: { opinion: 'explain', basis: '《信访工作条例》第三十二条', text: '经调查核实……', factsFound: '经调查核实，情况属实。', reasons: '事实清楚，依据充分。' },
    deliver: { method: 'in-person', to: '张某' },
    rate: { rating: 'satisfied' },
    close: {},
    requestReview: {},
    reviewOpinion: { opinion: 'not-support', decision: 'uphold', basis: '《信访工作条例》第三十五条', text: '维持原处理意见', factsFound: '经调查核实，情况属实。', reasons: '事实清楚，依据充分。' },
    requestReReview: {},
    reReviewOpinion: { opinion: 'not-support', decision: 'uphold', basis: '《信访工作条例》第三十六条', text: '维持复查意见', factsFound: '经调查核实，情况属实。', reasons: '事实清楚，依据充分。' },
    terminate: {},
    pauseForHearing: { days: 5, record: '听证会听取了信访人和有关单位的陈述。', participants: '主持人、听证员、信访人、有关单位代表', statements: '信访人和有关单位分别陈述。', factsHeard: '听证查明，情况属实。' },
    repeatVisit: {},
    acceptSimplified: {},
    report: { summary: '已办结，办理结果已告知信访人。' },
    settle: { kind: 'mediation', agreement: '双方同意……', otherParty: '某公司' },
    noticeHearing: { hearingOn: '2099-12-31', hearingTime: '09:30', place: '县信访局听证室' },
    orderRehandling: { text: '原处理意见认定事实不清，责令重新办理。', factsFound: '复查查明，原处理意见未核实欠薪金额。', reasons: '原处理意见认定事实不清。', basis: '《信访工作条例》第三十五条' },
    higherLevelVisit: { level: 'province' },
    desist: {},
  };
  return matterCommandSchema.parse({ type, actor, at: when, reason: '', documents: [], ...payload[type], ...extra });
}

/** Applies the command, which must be accepted: the matter after it and the transition. */
function applied(m: MatterLifecycle, c: MatterCommand): { matter: MatterLifecycle; transition: Transition } {
  const r = applyCommand(m, c);
  if (!r.ok) throw new Error(`${c.type} refused in ${m.state}: ${r.code} ${r.message}`);
  return r.value;
}

export const mustApply = (m: MatterLifecycle, c: MatterCommand): MatterLifecycle => applied(m, c).matter;

/** One step of a test matter's life: the command, on a day, with contents beyond the defaults. */
export type Step = [CommandType, string, Record<string, unknown>?];

/** A matter received on `receivedOn` and taken through `steps`: each step's command and transition, and the end. */
export function live(receivedOn: string, steps: Step[]): { lifecycle: MatterLifecycle; taken: { command: MatterCommand; transition: Transition; after: MatterLifecycle }[] } {
  let lifecycle = initialLifecycle(receivedOn);
  const taken = steps.map(([type, day, extra]) => {
    const c = command(type, at(day), extra);
    const { matter, transition } = applied(lifecycle, c);
    lifecycle = matter;
    return { command: c, transition, after: matter };
  });
  return { lifecycle, taken };
}
