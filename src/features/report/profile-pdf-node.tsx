/**
 * Renders the profile in Node (command-line tool and tests): the same document as the worker builds in
 * the browser, with the fonts read from the installed font package.
 */
import { renderToBuffer } from '@react-pdf/renderer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { ProfileModel } from '../../domain/profile';
import { fontFileNames, registerProfileFonts, type FontFiles } from './fonts';
import { ProfileDocument } from './profile-document';
import { woffToSfnt } from './woff';

/** The installed WOFF files unwrapped (see woff.ts), as data URLs react-pdf reads without a file. */
async function nodeFontFiles(): Promise<FontFiles> {
  const folder = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans/package.json')), 'files');
  const entries = await Promise.all(
    Object.entries(fontFileNames).map(async ([role, file]) => {
      const sfnt = await woffToSfnt(new Uint8Array(readFileSync(join(folder, file))), (data) => new Uint8Array(inflateSync(data)));
      return [role, `data:font/ttf;base64,${Buffer.from(sfnt).toString('base64')}`] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as FontFiles;
}

let fontsReady: Promise<void> | null = null;

export async function renderProfilePdf(model: ProfileModel): Promise<Buffer> {
  fontsReady ??= nodeFontFiles().then(registerProfileFonts);
  await fontsReady;
  return renderToBuffer(<ProfileDocument model={model} />);
}
