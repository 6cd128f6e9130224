// Sync protocol v1 (held fixed) names the visitor's 证件 `documentType`/`documentNumber`. Off the
// wire the code says idType/idNumber (a parsed credential: type/number) and keeps "document" for
// 文书. This module is where the names meet, so no other module spells the wire's.
import type { CredentialType } from '../identity/credentials';

export interface WireCredential {
  documentType: CredentialType;
  documentNumber: string;
}

export const toWire = (c: { type: CredentialType; number: string }): WireCredential => ({ documentType: c.type, documentNumber: c.number });

/** The type may be left out where the wire allows it (the administrator's lookup: any type). */
export const fromWire = <W extends { documentType?: CredentialType; documentNumber: string }>(w: W): { idType: W['documentType']; idNumber: string } => ({
  idType: w.documentType,
  idNumber: w.documentNumber,
});

/** A person off the wire: their details, and their 证件 under this code's names. */
export function personFromWire<P extends WireCredential>(p: P): Omit<P, keyof WireCredential> & { idType: CredentialType; idNumber: string } {
  const { documentType, documentNumber, ...details } = p;
  return { ...details, idType: documentType, idNumber: documentNumber };
}
