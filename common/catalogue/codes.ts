/**
 * Codes of the catalogue.
 * - 基本编码 (basic matter code): 12 to 20 characters; six digits (the matter's main item,
 *   beginning with its type) followed by 6 to 14 digits or capital letters (sub-item and
 *   business item), e.g. `000126021000` or `00012602100Y`.
 * - 实施编码 (implementation code): 12 to 40 digits or capital letters; by convention the
 *   implementing organisation's unified social credit code followed by the basic code.
 */
export const BASIC_CODE_PATTERN = '^[0-9]{6}[0-9A-Z]{6,14}$';
export const IMPLEMENTATION_CODE_PATTERN = '^[0-9A-Z]{12,40}$';

export const isBasicCode = (code: string): boolean => new RegExp(BASIC_CODE_PATTERN).test(code);
export const isImplementationCode = (code: string): boolean =>
  new RegExp(IMPLEMENTATION_CODE_PATTERN).test(code);
