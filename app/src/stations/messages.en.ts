import type { stationsZh } from './messages.zh-CN.ts';

/** The UI strings of the stations near you in English (the `stations` section). */
export const stationsEn: typeof stationsZh = {
  title: 'Service stations near you',
  circle: '15-minute service circle',
  intro:
    'Find the street and community service stations nearest to you: social insurance, medical insurance, residence permits and other everyday matters close to home; city matters are taken in here too and passed to the competent department.',
  entry: 'Stations near you',
  entryDesc: 'Find the street or community service station nearest to your address or position',
  address: 'Enter your address to find the nearest station',
  find: 'Find',
  locate: 'Use my location',
  locating: 'Finding your location…',
  located: 'Ordered by distance from where you are',
  locateFailed:
    'Your location is not available (not allowed or not supported). Enter your address or choose a region.',
  region: 'Choose a region',
  clear: 'Clear',
  byAddress: 'Your address lies in “{{area}}”: its stations come first, nearest first',
  byPosition: 'Nearest first',
  unknownAddress: 'No street or community was found in the address. Add its name or choose a region.',
  count: '{{count}} stations',
  none: 'No stations in this region yet',
  kinds: {
    service_centre: 'Government service centre',
    street_centre: 'Street service centre',
    community_station: 'Community service station',
  },
  distance: 'about {{km}} km',
  near: 'under 100 m',
  hours: 'Hours',
  phone: 'Phone',
  matters: '{{count}} matters handled here',
  noMatters: 'No matters listed yet; call to ask',
  call: 'Call',
};
