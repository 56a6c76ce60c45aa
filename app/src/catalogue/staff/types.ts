import type { Wire } from '../../../../common/api.ts';
import type * as Api from '../../../../common/catalogue/api.ts';

/** The staff catalogue API's shapes as the app receives and sends them (common/catalogue/api.ts). */

export type BasicMatter = Wire<typeof Api.BasicMatterSchema>;
export type BasicMatterInput = Wire<typeof Api.BasicMatterInput>;
/** One row of GET /api/catalogue/implementations: the implementation with its latest version. */
export type ImplementationRow = Wire<typeof Api.ImplementationListItem>;
export type VersionSummary = Wire<typeof Api.VersionSummary>;
/** A version as the editor works on it. */
export type VersionState = Wire<typeof Api.VersionState>;
export type ImplementationDetail = Wire<typeof Api.ImplementationDetail>;
export type NewImplementation = Wire<typeof Api.NewImplementation>;
export type Missing = Wire<typeof Api.Missing>;
export type Completeness = Wire<typeof Api.Completeness>;
export type Change = Wire<typeof Api.Change>;
export type ImportProblem = Wire<typeof Api.ImportProblem>;
