/** Every table of the platform, for drizzle-kit and the typed database handle. */
export * from '../accounts/tables.ts';
export * from '../appointments/tables.ts';
export * from '../assistance/tables.ts';
export * from '../audit/tables.ts';
export * from '../calendar/tables.ts';
export * from '../cases/tables.ts';
export * from '../catalogue/tables.ts';
export * from '../certificates/tables.ts';
export * from '../files/tables.ts';
export * from '../hotline/tables.ts';
export * from '../kiosk/tables.ts';
export * from '../notifications/tables.ts';
export * from '../organisations/tables.ts';
export * from '../ratings/tables.ts';
export * from '../regions/tables.ts';
export * from '../registries/tables.ts';
export * from '../tickets/tables.ts';
