/**
 * The link countdown, one module per job: the clock arithmetic (clock.ts), the start policy (start.ts), what is
 * announced and when, with the alarm times (announcements.ts), the toolbar badge (badge.ts) and the stored window
 * the views read (window.ts). Importers take everything from here.
 */
export * from './clock';
export * from './start';
export * from './announcements';
export * from './badge';
export * from './window';
