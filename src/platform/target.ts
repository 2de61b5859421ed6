/** The browsers ClaveGuía is built for. One build (and one unpacked folder) per entry. */
export const TARGET_BROWSERS = ['chrome', 'firefox'] as const;
export type TargetBrowser = (typeof TARGET_BROWSERS)[number];

export const isTargetBrowser = (value: string): value is TargetBrowser =>
  (TARGET_BROWSERS as readonly string[]).includes(value);
