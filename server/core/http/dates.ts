/** Days and times of requests and answers: the shapes of common/api.ts, which the web app shares. */
export { DateTime, IsoDate, isoDateTime } from '../../../common/api.ts';
