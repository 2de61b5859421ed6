/** Pure validators for what people type on the IESS pages. Reason codes only; the UI maps them to _locales. */
export * from './cedula';
export * from './ruc';
export * from './birth-date';
export * from './email';
export * from './masked-email';
export * from './new-key';
export * from './strength';
