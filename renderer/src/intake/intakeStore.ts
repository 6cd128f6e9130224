// What the registration form shares with the panels beside it: the person's earlier matters and
// the clerk's choice of 初访 / 重复访, the current draft's id, and the last registration (for
// its receipt and attachments).
import { create } from 'zustand';
import type { RegisterVisitInput } from '../../../domain/intake/registration';
import type { MethodOutput } from '../../../domain/rpc/contract';

export type Lookup = MethodOutput<'intake.lookupPerson'>;
export type VisitLink = NonNullable<RegisterVisitInput['link']>;
export type LastRegistration = MethodOutput<'intake.register'> & { visitorName: string };

interface IntakeState {
  /** Earlier matters of the person on the form; `key` says which query found them. */
  lookup: { key: string; result: Lookup } | null;
  link: VisitLink;
  /** The form session's draft: autosaves go under it, and registering removes it. */
  draftId: string;
  last: LastRegistration | null;
  setLookup: (lookup: { key: string; result: Lookup } | null) => void;
  setLink: (link: VisitLink) => void;
  setDraftId: (id: string) => void;
  registered: (last: LastRegistration) => void;
}

export const newDraftId = (): string => crypto.randomUUID();

export const useIntakeStore = create<IntakeState>()((set, get) => ({
  lookup: null,
  link: { kind: 'first' },
  draftId: newDraftId(),
  last: null,
  setLookup: (lookup) => {
    // Another person (or nobody) on the form: a link chosen for the previous one must not carry over.
    const same = lookup !== null && get().lookup?.key === lookup.key;
    set(same ? { lookup } : { lookup, link: { kind: 'first' } });
  },
  setLink: (link) => set({ link }),
  setDraftId: (draftId) => set({ draftId }),
  registered: (last) => set({ last, lookup: null, link: { kind: 'first' }, draftId: newDraftId() }),
}));
