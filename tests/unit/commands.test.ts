// The lifecycle commands' own fields (domain/matters/commands.ts): read off the schemas, they
// are exactly what a form must send besides the envelope for every command to be well formed.
import { describe, expect, it } from 'vitest';
import { COMMAND_FIELDS, COMMAND_TYPES, matterCommandSchema } from '../../domain/matters/commands';
import { at, command } from '../support/matterCommands';

const ENVELOPE = ['actor', 'at', 'reason', 'documents', 'type'] as const;

describe('COMMAND_FIELDS', () => {
  it('the envelope plus those fields, and nothing else, make every command whole', () => {
    for (const type of COMMAND_TYPES) {
      const full = command(type, at('2025-03-03')) as Record<string, unknown>;
      const picked = Object.fromEntries([...ENVELOPE, ...COMMAND_FIELDS[type]].map((f) => [f, full[f]]));
      expect(matterCommandSchema.parse(picked), type).toEqual(full);
    }
  });
});
