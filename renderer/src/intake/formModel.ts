// The registration form's own values and how they become the 'intake.register' record: region
// and category cascaders hold paths, 越级 holds '' for "none", blank representative rows are
// dropped, and the card reader's "number name" line is split into its two fields.
import type { CredentialType } from '../../../domain/identity/credentials';
import type { Channel, RegisterVisitInput } from '../../../domain/intake/registration';
import { flagsSchema, type Flags } from '../../../domain/intake/flags';

export const FORM_NAME = 'registration';

/** A field's place in the form's values: ['visitor', 'name'], ['representatives', 2, 'mobile']. */
export type NamePath = (string | number)[];

export interface PersonValues {
  credential: { type: CredentialType; number: string };
  name: string;
  mobile: string;
}

export type FlagValues = Omit<Flags, 'skipLevel'> & { skipLevel: NonNullable<Flags['skipLevel']> | '' };

export interface FormValues {
  visitor: PersonValues & {
    gender: 'male' | 'female' | null;
    ethnicity: string;
    birthDate: string;
    landline: string;
    household: { region: string[]; detail: string };
    current: { region: string[]; detail: string };
    workUnit: string;
  };
  channel: Channel;
  headcount: number | null;
  representatives: PersonValues[];
  category: string[];
  placeRegion: string[];
  respondent: string;
  summary: string;
  facts: string;
  flags: FlagValues;
}

export const emptyPerson = (): PersonValues => ({ credential: { type: 'resident', number: '' }, name: '', mobile: '' });

export function initialValues(): FormValues {
  return {
    visitor: {
      ...emptyPerson(),
      gender: null,
      ethnicity: '汉族',
      birthDate: '',
      landline: '',
      household: { region: [], detail: '' },
      current: { region: [], detail: '' },
      workUnit: '',
    },
    channel: 'visit',
    headcount: 1,
    representatives: [],
    category: [],
    placeRegion: [],
    respondent: '',
    summary: '',
    facts: '',
    flags: { ...flagsSchema.parse({}), skipLevel: '' },
  };
}

/**
 * A card reader in keyboard mode types "number name" (space or tab between) on one line. The
 * rest counts as a name only if it has a character no document number has; otherwise it is a
 * number typed with spaces ("4101 0219…"), which the document rules accept.
 */
export function splitReaderLine(raw: string): { number: string; name: string } {
  const m = /^\s*(\S+)\s+(.*\S)\s*$/.exec(raw);
  if (!m || /^[0-9A-Za-z\s]+$/.test(m[2]!)) return { number: raw.trim(), name: '' };
  return { number: m[1]!, name: m[2]! };
}

export const isBlankPerson = (p: PersonValues) => !p.credential.number.trim() && !p.name.trim() && !p.mobile.trim();

/** The last code of a cascader path; a province or city alone is passed on for the rule to refuse. */
const lastCode = (path: string[] | undefined) => path?.at(-1) ?? '';

export function toInput(v: FormValues, link: RegisterVisitInput['link'], draftId: string): RegisterVisitInput {
  const person = (p: PersonValues) => ({
    credential: { type: p.credential.type, number: splitReaderLine(p.credential.number).number },
    name: p.name,
    mobile: p.mobile,
  });
  return {
    visitor: {
      ...person(v.visitor),
      gender: v.visitor.gender,
      ethnicity: v.visitor.ethnicity ?? '',
      birthDate: v.visitor.birthDate ?? '',
      landline: v.visitor.landline,
      household: { region: lastCode(v.visitor.household.region), detail: v.visitor.household.detail },
      current: { region: lastCode(v.visitor.current.region), detail: v.visitor.current.detail },
      workUnit: v.visitor.workUnit,
    },
    channel: v.channel,
    // An emptied InputNumber is null; 0 lets the schema say "至少为1" rather than "应为数字".
    headcount: v.headcount ?? 0,
    representatives: (v.representatives ?? []).filter((p) => !isBlankPerson(p)).map(person),
    categoryCode: v.category?.[1] ?? '',
    placeRegion: lastCode(v.placeRegion),
    respondent: v.respondent,
    summary: v.summary,
    facts: v.facts,
    flags: { ...v.flags, skipLevel: v.flags.skipLevel || null },
    link,
    draftId,
  };
}

/** Region codes shorter than a county's cannot be filed; say so in the clerk's words. */
export function regionPathErrors(v: FormValues): Array<{ name: NamePath; message: string }> {
  const paths: Array<[NamePath, string[] | undefined]> = [
    [['visitor', 'household', 'region'], v.visitor.household.region],
    [['visitor', 'current', 'region'], v.visitor.current.region],
    [['placeRegion'], v.placeRegion],
  ];
  return paths
    .filter(([, p]) => p !== undefined && p.length > 0 && lastCode(p).length < 6)
    .map(([name]) => ({ name, message: '请选择到区县或乡镇（街道）' }));
}

// Record paths (as zod and the backend report them) whose box has another name on the form.
const RENAMED: Record<string, string> = { categoryCode: 'category', 'visitor.credential': 'visitor.credential.number' };

const FIELD_PATTERNS = new Set([
  'visitor.credential.type', 'visitor.credential.number', 'visitor.name', 'visitor.mobile', 'visitor.landline', 'visitor.gender',
  'visitor.birthDate', 'visitor.ethnicity', 'visitor.household.region', 'visitor.household.detail', 'visitor.current.region',
  'visitor.current.detail', 'visitor.workUnit', 'channel', 'headcount', 'category', 'placeRegion', 'respondent', 'summary', 'facts',
  'representatives.#.credential.type', 'representatives.#.credential.number', 'representatives.#.name', 'representatives.#.mobile',
]);

/**
 * Where an error path lands: a form field's name path, 'representatives' for the list as a
 * whole, or null when no box fits (the message then goes to the top of the page).
 */
export function fieldOfErrorPath(path: string): NamePath | 'representatives' | null {
  const p = RENAMED[path] ?? path;
  if (p === 'representatives') return 'representatives';
  // A whole representative refused (a duplicate person, say): shown under that row's number.
  const row = /^representatives\.(\d+)$/.exec(p);
  if (row) return ['representatives', Number(row[1]), 'credential', 'number'];
  if (!FIELD_PATTERNS.has(p.replace(/\.\d+(?=\.|$)/g, '.#'))) return null;
  return p.split('.').map(seg);
}
const seg = (s: string | number) => (typeof s === 'string' && /^\d+$/.test(s) ? Number(s) : s);

/** antd's DOM id for a field: the form name and the path, joined with '_'. */
export const fieldId = (name: readonly (string | number)[]) => [FORM_NAME, ...name].join('_');

/**
 * The fields an edit touched, from antd's onValuesChange object (a partial copy of the values):
 * its leaf paths, where a cascader's path array counts as one leaf.
 */
export function changedPaths(changed: unknown, prefix: NamePath = []): NamePath[] {
  if (typeof changed !== 'object' || changed === null || (Array.isArray(changed) && changed.every((x) => typeof x !== 'object'))) {
    return [prefix];
  }
  return Object.entries(changed).flatMap(([k, v]) => (v === undefined ? [] : changedPaths(v, [...prefix, Array.isArray(changed) ? Number(k) : k])));
}

/** A saved draft is worth keeping only once the clerk has typed something of the visitor's. */
export function hasContent(v: FormValues): boolean {
  return [v.visitor.credential.number, v.visitor.name, v.visitor.mobile, v.summary, v.facts, v.respondent].some((s) => (s ?? '').trim() !== '');
}

export function draftTitle(v: FormValues): string {
  const name = v.visitor.name.trim();
  if (name) return name;
  const summary = v.summary.trim();
  return summary ? summary.slice(0, 12) : '（未填姓名）';
}
