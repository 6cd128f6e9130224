// The lifecycle commands' own fields (domain/matters/commands.ts): read off the schemas, they
// are exactly what a form must send besides the envelope for every command to be well formed.
import { describe, expect, it } from 'vitest';
import { COMMAND_FIELDS, COMMAND_TYPES, matterCommandSchema } from '../../domain/matters/commands';
import { at, command } from '../support/matterCommands';

const ENVELOPE = ['actor', 'at', 'reason', 'documents', 'type'] as const;

describe('COMMAND_FIELDS', () => {
  it('names the fields each command adds to the envelope', () => {
    expect(COMMAND_FIELDS.extend).toEqual(['days', 'approvedBy']);
    expect(COMMAND_FIELDS.deliver).toEqual(['method', 'to']);
    expect(COMMAND_FIELDS.classify).toEqual(['class', 'route', 'body', 'note']);
    // The reason of a decline is the envelope's own, required there; the pre-screen adds its ground and the body to go to.
    expect(COMMAND_FIELDS.decline).toEqual(['ground', 'toBody']);
    expect(COMMAND_FIELDS.assign).toEqual(['toBody', 'dueOn']);
    // What the agreement and the hearing's papers print (DOMAIN.md §5).
    expect(COMMAND_FIELDS.settle).toEqual(['kind', 'agreement', 'otherParty']);
    expect(COMMAND_FIELDS.noticeHearing).toEqual(['hearingOn', 'place', 'hearingTime']);
    expect(COMMAND_FIELDS.pauseForHearing).toEqual(['days', 'record', 'participants', 'statements', 'factsHeard']);
  });

  it('the envelope plus those fields, and nothing else, make every command whole', () => {
    for (const type of COMMAND_TYPES) {
      const full = command(type, at('2025-03-03')) as Record<string, unknown>;
      const picked = Object.fromEntries([...ENVELOPE, ...COMMAND_FIELDS[type]].map((f) => [f, full[f]]));
      expect(matterCommandSchema.parse(picked), type).toEqual(full);
    }
  });
});
