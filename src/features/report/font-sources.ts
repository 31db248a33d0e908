/**
 * Which installed WOFF file gives each script's font (regular and bold), for the command-line tool and
 * tests, which read them from node_modules. The worker imports the same files by URL (profile.worker.ts).
 */
import type { Script } from '../../domain/scripts';

export interface FontSource {
  pkg: string;
  regular: string;
  bold: string;
}

const notoSans = (subset: string): FontSource => ({
  pkg: '@fontsource/noto-sans',
  regular: `noto-sans-${subset}-400-normal.woff`,
  bold: `noto-sans-${subset}-700-normal.woff`,
});

export const fontSources: { base: FontSource } & Partial<Record<Script, FontSource>> = {
  base: notoSans('latin'),
  'latin-ext': notoSans('latin-ext'),
  cyrillic: notoSans('cyrillic'),
  greek: notoSans('greek'),
};
