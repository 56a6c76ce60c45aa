import { useQuery } from '@tanstack/react-query';
import type { Wire } from '../../../common/api.ts';
import type * as Api from '../../../common/region-settings/api.ts';
import { api } from '../api/client.ts';

export type SettingsView = Wire<typeof Api.SettingsView>;
export type SettingValue = SettingsView['values'][number];
export type SettingsPutBody = Wire<typeof Api.SettingsPutBody>;

export const REGION_SETTINGS = '/api/region-settings';
const at = (code: string) => `${REGION_SETTINGS}/${encodeURIComponent(code)}`;

/** What holds in a region, with where each value comes from. */
export function useRegionSettings(code: string | undefined) {
  return useQuery({
    queryKey: [REGION_SETTINGS, code],
    queryFn: () => api.get<SettingsView>(at(code!)),
    enabled: !!code,
  });
}

/** Saves a region's change (null takes the inherited value again). */
export const saveRegionSettings = (code: string, body: SettingsPutBody) =>
  api.put<SettingsView>(at(code), body);
