import type { Wire } from '../../../../common/api.ts';
import type * as Api from '../../../../common/tickets/screen.ts';

/** The calling screen's shapes as the app receives them (common/tickets/screen.ts). */
export type HallScreen = Wire<typeof Api.HallScreen>;
export type ScreenCall = Wire<typeof Api.ScreenCall>;
export type ScreenWaiting = Wire<typeof Api.ScreenWaiting>;
export type ScreenMessage = Api.ScreenMessage;
