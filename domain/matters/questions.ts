// The classification wizard's questions as data, in the order it asks them, the answers they
// collect, and which question comes next (依法分类处理, DOMAIN.md §3). For 申诉求决 the questions
// follow 条例 art. 31 items 1–5.
import { z } from 'zod';
import {
  ADMINISTRATIVE_KIND_LABELS,
  administrativeKindSchema,
  CLASS_LABELS,
  LITIGATION_ORGAN_LABELS,
  litigationOrganSchema,
  matterClassSchema,
  type MatterClass,
} from './routes';

export type QuestionId =
  | 'class'
  | 'accusedIsPublicOfficial'
  | 'litigation'
  | 'arbitration'
  | 'partyAppeal'
  | 'administrative'
  | 'dutyPerformance';

export type ClassificationQuestion = {
  id: QuestionId;
  /** The class the question belongs to; undefined for the first question. */
  appliesTo?: MatterClass;
  kind: 'choice' | 'yes-no';
  prompt: string;
  hint: string;
  /** For 'choice': the values and their labels ('no' = none of these). */
  options?: readonly { value: string; label: string }[];
};

/**
 * The wizard, in the order it asks. For 申诉求决 the questions follow art. 31 items 1–5 and
 * stop at the first that applies; when none applies the matter takes item 6.
 */
export const CLASSIFICATION_QUESTIONS: readonly ClassificationQuestion[] = [
  {
    id: 'class',
    kind: 'choice',
    prompt: '来访人反映的是哪一类事项？',
    hint: '建议意见：对工作提出建议、意见；检举控告：检举、揭发、控告机关、单位或工作人员的违纪违法行为；申诉求决：为自身权益提出申诉或诉求。',
    options: matterClassSchema.options.map((value) => ({ value, label: CLASS_LABELS[value] })),
  },
  {
    id: 'accusedIsPublicOfficial',
    appliesTo: 'accusation',
    kind: 'yes-no',
    prompt: '被检举控告的是党组织、党员或行使公权力的公职人员吗？',
    hint: '是：转纪检监察机关；否：转有权处理的机关、单位。检举人的身份和材料一律不得透露给被检举人或单位。',
  },
  {
    id: 'litigation',
    appliesTo: 'complaint',
    kind: 'choice',
    prompt: '该诉求是否应当通过诉讼、复议、检察或公安程序处理（含未依法终结的涉法涉诉事项）？',
    hint: '审判机关的诉讼程序或复议程序、检察机关的刑事立案或法律监督程序、公安机关的法律程序。',
    options: [
      ...litigationOrganSchema.options.map((value) => ({ value, label: LITIGATION_ORGAN_LABELS[value] })),
      { value: 'no', label: '不属于' },
    ],
  },
  {
    id: 'arbitration',
    appliesTo: 'complaint',
    kind: 'yes-no',
    prompt: '该诉求是否应当通过仲裁解决？',
    hint: '如劳动人事争议、农村土地承包经营纠纷等。',
  },
  {
    id: 'partyAppeal',
    appliesTo: 'complaint',
    kind: 'yes-no',
    prompt: '该诉求是否可以通过党员申诉、申请复审等途径解决？',
    hint: '如党员对所受处分不服提出申诉，或申请复审。',
  },
  {
    id: 'administrative',
    appliesTo: 'complaint',
    kind: 'choice',
    prompt: '该诉求是否可以通过行政程序解决？是哪一种？',
    hint: '行政复议、行政裁决、行政确认、行政许可、行政处罚。',
    options: [
      ...administrativeKindSchema.options.map((value) => ({ value, label: ADMINISTRATIVE_KIND_LABELS[value] })),
      { value: 'no', label: '不属于' },
    ],
  },
  {
    id: 'dutyPerformance',
    appliesTo: 'complaint',
    kind: 'yes-no',
    prompt: '该诉求是否属于申请查处违法行为，或请求保护人身权、财产权等合法权益？',
    hint: '是：由负有法定职责的机关依法履行职责或答复；否：按信访程序办理。',
  },
];

export const QUESTION_BY_ID: Readonly<Record<QuestionId, ClassificationQuestion>> = Object.fromEntries(
  CLASSIFICATION_QUESTIONS.map((q) => [q.id, q]),
) as Record<QuestionId, ClassificationQuestion>;

// --- answers

/**
 * The wizard's answers. For 申诉求决 the later answers are needed only while the earlier ones are
 * 'no'/false (the wizard stops at the first route that applies), so they are optional here and
 * `classify` reports the first missing one.
 */
export const classificationAnswersSchema = z.discriminatedUnion('class', [
  z.strictObject({ class: z.literal('suggestion') }),
  z.strictObject({ class: z.literal('accusation'), accusedIsPublicOfficial: z.boolean() }),
  z.strictObject({
    class: z.literal('complaint'),
    litigation: z.union([litigationOrganSchema, z.literal('no')]).optional(),
    arbitration: z.boolean().optional(),
    partyAppeal: z.boolean().optional(),
    administrative: z.union([administrativeKindSchema, z.literal('no')]).optional(),
    dutyPerformance: z.boolean().optional(),
  }),
]);
export type ClassificationAnswers = z.infer<typeof classificationAnswersSchema>;

/**
 * The next question the wizard must ask, or null when the answers are enough to classify.
 * Invalid answers (wrong shape) also give null: validate with classificationAnswersSchema first.
 */
export function nextQuestion(answers: Partial<ClassificationAnswers> | undefined): QuestionId | null {
  if (!answers || answers.class === undefined) return 'class';
  if (answers.class === 'suggestion') return null;
  if (answers.class === 'accusation') return 'accusedIsPublicOfficial' in answers && answers.accusedIsPublicOfficial !== undefined ? null : 'accusedIsPublicOfficial';
  const a = answers as Partial<Extract<ClassificationAnswers, { class: 'complaint' }>>;
  if (a.litigation === undefined) return 'litigation';
  if (a.litigation !== 'no') return null;
  if (a.arbitration === undefined) return 'arbitration';
  if (a.arbitration) return null;
  if (a.partyAppeal === undefined) return 'partyAppeal';
  if (a.partyAppeal) return null;
  if (a.administrative === undefined) return 'administrative';
  if (a.administrative !== 'no') return null;
  if (a.dutyPerformance === undefined) return 'dutyPerformance';
  return null;
}
