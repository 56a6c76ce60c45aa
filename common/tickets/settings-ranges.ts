/** Bounds of the queue settings a hall manager may set (shared by the server's check and the form). */
export const SETTING_RANGES = {
  waitGoalMinutes: { min: 1, max: 240 },
  dailyLimitPerPerson: { min: 1, max: 20 },
  nearNoticeAhead: { min: 1, max: 20 },
} as const;
