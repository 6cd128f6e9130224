// The pre-screen before classification (DOMAIN.md §3): what the body may not accept, each with
// its own ground, written notice and the body to go to — a terminated matter raised again, one
// pending at another body, a skip-level visit, one within the powers of a people's congress,
// court or procuratorate — and 涉法涉诉, which a letter transfers to the political-legal organs
// and a visitor is guided to. The 越级 and 三跨三分离 flags propose the bodies involved.
// Pure: the window asks, this answers.
//
// Article numbers are printed only where DOMAIN.md vouches for them (arts. 31, 36); the rules on
// pending matters and 逐级走访 are cited by name, their numbers being reconstructed there.
import { z } from 'zod';
import { FLAG_LABELS, SKIP_LEVEL_LABELS, skipLevelSchema, type Flags } from '../intake/flags';
import { channelSchema } from '../intake/registration';

/** Why a matter is not accepted: the grounds each 不予受理 notice is split by. */
export const declineGroundSchema = z.enum(['terminated', 'pending-elsewhere', 'skip-level', 'outside-powers']);
export type DeclineGround = z.infer<typeof declineGroundSchema>;
export const DECLINE_GROUND_LABELS: Readonly<Record<DeclineGround, string>> = {
  terminated: '已终结事项以同一事实和理由再次提出，不再受理',
  'pending-elsewhere': '该事项正在有关机关办理中，不予重复受理',
  'skip-level': '越级走访，不予受理，引导到有权处理的本级机关提出',
  'outside-powers': '不属于本机关职权范围，告知向有权机关提出',
};

/** Bodies outside the administrative petition channel whose powers a matter may fall within. */
export const otherOrganSchema = z.enum(['peoples-congress', 'court', 'procuratorate']);
export type OtherOrgan = z.infer<typeof otherOrganSchema>;
export const OTHER_ORGAN_LABELS: Readonly<Record<OtherOrgan, string>> = {
  'peoples-congress': '人民代表大会及其常务委员会',
  court: '人民法院',
  procuratorate: '人民检察院',
};

export const prescreenAnswersSchema = z.strictObject({
  /** The same request on the same facts as a matter already terminated (终结). */
  terminatedSameRequest: z.boolean(),
  /** The body (another, or a lower level) where the matter is still pending; '' when none. */
  pendingAt: z.string().trim().max(100),
  /** Within the powers of a people's congress, a court or a procuratorate; null when not. */
  otherOrgan: otherOrganSchema.nullable(),
  // From the registration form: 越级, 涉法涉诉 and the 三跨三分离 marks, and how it came.
  skipLevel: skipLevelSchema.nullable(),
  lawRelated: z.boolean(),
  channel: channelSchema,
});
export type PrescreenAnswers = z.infer<typeof prescreenAnswersSchema>;

export type PrescreenOutcome =
  /** Not accepted: the decline step with its ground, the body to go to and the words of the notice. */
  | { kind: 'decline'; ground: DeclineGround; toBody: string; basis: string; visitorText: string; proposedBodies: string[] }
  /** 涉法涉诉: classified under art. 31 item 1, then transferred (a letter) or guided (a visitor). */
  | { kind: 'law-related'; next: 'transfer' | 'guide'; toBody: string; basis: string; visitorText: string; proposedBodies: string[] }
  /** Nothing screens it out: classify it; the flags propose the bodies. */
  | { kind: 'classify'; proposedBodies: string[] };

const JOINT_BODIES: Readonly<Record<'crossRegion' | 'crossDepartment' | 'crossSector' | 'personHouseholdApart' | 'personMatterApart' | 'matterHouseholdApart', string>> = {
  crossRegion: '涉及各地区的有权处理机关（联合办理）',
  crossDepartment: '涉及各部门（联合办理）',
  crossSector: '涉及各行业的主管部门（联合办理）',
  personHouseholdApart: '信访人户籍地和现住地的有关机关',
  personMatterApart: '信访人所在地和事项发生地的有关机关',
  matterHouseholdApart: '事项发生地和信访人户籍地的有关机关',
};
const COMPETENT_LEVEL = '有权处理的本级机关（逐级走访）';
const POLITICAL_LEGAL = '政法机关';

/** The bodies the 越级, 涉法涉诉 and 三跨三分离 marks bring in, in the form's order (DOMAIN.md §2–§3). */
export function proposedBodies(flags: Pick<Flags, keyof typeof JOINT_BODIES | 'skipLevel' | 'lawRelated'>): string[] {
  const bodies: string[] = [];
  if (flags.skipLevel) bodies.push(COMPETENT_LEVEL);
  if (flags.lawRelated) bodies.push(POLITICAL_LEGAL);
  for (const k of Object.keys(JOINT_BODIES) as (keyof typeof JOINT_BODIES)[]) if (flags[k]) bodies.push(JOINT_BODIES[k]);
  return bodies;
}

/** Names of the joint-handling marks set, for the form's summary line. */
export function jointMarks(flags: Pick<Flags, keyof typeof JOINT_BODIES>): string[] {
  return (Object.keys(JOINT_BODIES) as (keyof typeof JOINT_BODIES)[]).filter((k) => flags[k]).map((k) => FLAG_LABELS[k]);
}

/** The first ground that screens the matter out, in DOMAIN.md §3's order, or what to do next. */
export function prescreen(answers: PrescreenAnswers, flags: Pick<Flags, keyof typeof JOINT_BODIES>): PrescreenOutcome {
  const a = prescreenAnswersSchema.parse(answers);
  const bodies = proposedBodies({ ...flags, skipLevel: a.skipLevel, lawRelated: a.lawRelated });
  if (a.terminatedSameRequest) {
    return {
      kind: 'decline',
      ground: 'terminated',
      toBody: '',
      basis: '《信访工作条例》第三十六条',
      visitorText: '您反映的事项已经办理、复查、复核终结，以同一事实和理由再次提出的，不再受理。本次来访已登记，我们向您作出解释，并以书面形式告知。',
      proposedBodies: bodies,
    };
  }
  if (a.pendingAt !== '') {
    return {
      kind: 'decline',
      ground: 'pending-elsewhere',
      toBody: a.pendingAt,
      basis: '《信访工作条例》关于正在办理的信访事项不予重复受理的规定',
      visitorText: `您反映的事项正在${a.pendingAt}办理中，本机关不予重复受理。请向${a.pendingAt}了解办理进展。`,
      proposedBodies: bodies,
    };
  }
  if (a.skipLevel) {
    return {
      kind: 'decline',
      ground: 'skip-level',
      toBody: COMPETENT_LEVEL,
      basis: '《信访工作条例》关于逐级走访的规定',
      visitorText: `您的来访属于${SKIP_LEVEL_LABELS[a.skipLevel]}。信访人应当向依法有权处理的本级或者上一级机关提出；本次来访已登记，请向有权处理的本级机关提出。`,
      proposedBodies: bodies,
    };
  }
  if (a.otherOrgan) {
    const organ = OTHER_ORGAN_LABELS[a.otherOrgan];
    return {
      kind: 'decline',
      ground: 'outside-powers',
      toBody: organ,
      basis: `依法应当由${organ}处理的事项，不属于本机关职权范围`,
      visitorText: `您反映的事项依法属于${organ}的职权范围，请向${organ}提出。`,
      proposedBodies: bodies,
    };
  }
  if (a.lawRelated) {
    // A letter goes to the political-legal organs; a visitor is told where to go (DOMAIN.md §3).
    const letter = a.channel !== 'visit';
    return {
      kind: 'law-related',
      next: letter ? 'transfer' : 'guide',
      toBody: POLITICAL_LEGAL,
      basis: '《信访工作条例》第三十一条第一项',
      visitorText: letter
        ? '您反映的涉法涉诉事项，依法转送政法机关依法处理，处理情况由其告知您。'
        : '您反映的涉法涉诉事项应当通过诉讼、复议、检察等法定程序解决，我们引导您向有关政法机关依法提出。',
      proposedBodies: bodies,
    };
  }
  return { kind: 'classify', proposedBodies: bodies };
}
