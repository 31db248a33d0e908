export const CHROMIUM: string;
export function ensureChromium(): string;
export const chromiumArgs: string[];
