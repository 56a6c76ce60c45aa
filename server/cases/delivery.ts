import { randomInt } from 'node:crypto';

export type PostalAddress = { recipient: string; phone: string; address: string };

/** A courier service (双向速递) that takes a result for delivery and returns its tracking number. */
export type DeliveryProvider = {
  dispatch: (parcel: { caseNo: string; address: PostalAddress }) => Promise<{ trackingNo: string }>;
};

/** The sandbox courier: hands out tracking numbers without sending anything. */
export const sandboxDelivery: DeliveryProvider = {
  dispatch: async () => ({ trackingNo: `SB${String(randomInt(1e9)).padStart(9, '0')}CN` }),
};
