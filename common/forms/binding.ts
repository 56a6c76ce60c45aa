import { isFormElementKey } from './elements.ts';

/**
 * Where a field's value may come from (智能预填). A binding is a string, either
 * - a national data element key of elements.ts, e.g. `premises`, `legalRepresentative`; or
 * - a certificate field, `certificate:<type code>.<field key>`, e.g. `certificate:yyzz.registeredCapital`
 *   (the type code as certificate types have it: a lower-case letter then 1–15 letters or digits;
 *   the field key as the type's fields have it).
 */
export type ParsedBinding =
  | { kind: 'element'; element: string }
  | { kind: 'certificate'; typeCode: string; field: string };

const CERTIFICATE_BINDING = /^certificate:([a-z][a-z0-9]{1,15})\.([A-Za-z][A-Za-z0-9_]{0,39})$/;

/** The binding's parts, or null when it is neither a known data element nor a well-formed certificate field. */
export function parseBinding(binding: string): ParsedBinding | null {
  const certificate = CERTIFICATE_BINDING.exec(binding);
  if (certificate) return { kind: 'certificate', typeCode: certificate[1]!, field: certificate[2]! };
  return isFormElementKey(binding) ? { kind: 'element', element: binding } : null;
}
