import type { Wire } from '../../../common/api.ts';
import type * as Api from '../../../common/cases/api.ts';

/** The cases API's shapes as the app receives and sends them (common/cases/api.ts). */

export type Warning = Wire<typeof Api.Warning>;
export type CaseChannel = Wire<typeof Api.CaseChannel>;
export type CaseSummary = Wire<typeof Api.CaseSummary>;
export type CaseFile = Wire<typeof Api.CaseFile>;
export type CaseMaterial = Wire<typeof Api.CaseMaterial>;
export type TimelineEvent = Wire<typeof Api.TimelineEvent>;
export type DeliveryChoice = Wire<typeof Api.DeliveryChoice>;
export type RevealField = Wire<typeof Api.RevealField>;
export type CaseDetail = Wire<typeof Api.CaseDetail>;
export type Progress = Wire<typeof Api.Progress>;
export type MaterialRef = Wire<typeof Api.MaterialRef>;
/** The body of an action on a case; the version is added when it is sent. */
export type ActionBody = Omit<Wire<typeof Api.ActionBody>, 'version'>;
export type SubmitBody = Wire<typeof Api.SubmitBody>;
export type MaterialStatistics = Wire<typeof Api.MaterialStatistics>;
