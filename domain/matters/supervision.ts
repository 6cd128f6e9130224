// The words of a matter's supervision records (DOMAIN.md §6): who takes part in a reception
// beside the staff (律师、心理咨询师参与接访), and where a 督办 notice was issued — at this window
// or at the city, which sends it down with a pull.
import { z } from 'zod';

export const participantRoleSchema = z.enum(['lawyer', 'psychologist']);
export type ParticipantRole = z.infer<typeof participantRoleSchema>;
export const PARTICIPANT_ROLE_LABELS: Readonly<Record<ParticipantRole, string>> = { lawyer: '律师', psychologist: '心理咨询师' };

export const supervisionOriginSchema = z.enum(['local', 'city']);
