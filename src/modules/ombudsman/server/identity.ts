/**
 * The complainant's, victim's and witnesses' names and contacts: one encrypted field per case
 * (AES-256-GCM through the kernel's keyring), decrypted only for a reader whom the policy lets see
 * identity. Nothing else of the module holds them: not the search text, the audit trail or a log.
 */
import type { Keyring } from '../../../kernel/server/crypto.ts';
import type { Identity, Person } from '../contract.ts';

function present(person: Person | undefined): Person | null {
  if (!person) return null;
  const kept = Object.fromEntries(Object.entries(person).filter(([, value]) => value !== undefined));
  return Object.keys(kept).length > 0 ? (kept as Person) : null;
}

/** The encrypted identity, or null when there is nobody to protect (anonymous, own-motion). */
export function sealIdentity(
  keys: Keyring,
  input: { complainant?: Person | undefined; victim?: Person | undefined; witnesses?: Person[] | undefined },
): string | null {
  const identity: Identity = {
    complainant: present(input.complainant),
    victim: present(input.victim),
    witnesses: (input.witnesses ?? []).map(present).filter((person) => person !== null),
  };
  if (!identity.complainant && !identity.victim && identity.witnesses.length === 0) return null;
  return keys.encryptField(JSON.stringify(identity));
}

export function openIdentity(keys: Keyring, sealed: string | null): Identity {
  if (sealed === null) return { complainant: null, victim: null, witnesses: [] };
  return JSON.parse(keys.decryptField(sealed)) as Identity;
}
