import type { Wire } from '../../../../common/api.ts';
import type * as Api from '../../../../common/tickets/board-api.ts';

/** The shapes of the hall board, figures and queue settings API (common/tickets/board-api.ts). */

export type HallBoard = Wire<typeof Api.HallBoard>;
export type HallFigures = Wire<typeof Api.HallFigures>;
export type TicketSettings = Wire<typeof Api.TicketSettings>;
export type TicketSettingsBody = Wire<typeof Api.TicketSettingsBody>;
export type FigureBy = 'day' | 'month';
