import type * as Api from '../../../common/accounts/api.ts';
import type { Wire } from '../../../common/api.ts';

/** The accounts API's shapes as the app receives them (common/accounts/api.ts). */

export type Account = Wire<typeof Api.AccountView>;
