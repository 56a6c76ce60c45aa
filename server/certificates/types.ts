/** What the rest of the platform sees of certificates (the module's contract). */

import type { Actor } from '../core/access/actor.ts';
import type { DbOrTx } from '../core/db/client.ts';

export type {
  AuthorisationState,
  AuthorisationView,
  CertificateLayout,
  CertificateStatus,
  CertificateView,
  HolderKind,
  IssuedCertificate,
  PublicVerification,
  VerificationResult,
} from '../../common/certificates/types.ts';

/**
 * Where a field's value comes from when the issuer does not give it: the holder's name or
 * number (ID number / credit code), the issuing organisation, the issue date or the last valid day,
 * or the organisation that supervises the holder day to day (日常监督管理机构: the issuer's department
 * for the region where the holder operates, else the issuer; see issuer.ts).
 */
export type FieldSource = 'holderName' | 'holderLogin' | 'issuer' | 'issuedOn' | 'validUntil' | 'supervisor';

/** One field of a certificate type. `public` fields are shown on the public verification page. */
export type CertificateField = {
  key: string;
  label: string;
  public: boolean;
  source?: FieldSource;
  /** How the field is masked where it is shown publicly. */
  mask?: 'id_number' | 'name';
};

/**
 * How this module sees a case an authorisation is for: its number when the actor may see the
 * case, else null. Handed in by whoever calls with an actor (the cases module's `caseSight`):
 * cases depend on certificates, not the other way round.
 */
export type CaseSight = (db: DbOrTx, actor: Actor, caseId: string) => Promise<{ caseNo: string } | null>;
