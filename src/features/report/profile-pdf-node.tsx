/**
 * Renders the profile and the workshop annex in Node (command-line tool and tests): the same documents
 * as the worker builds in the browser, with the fonts read from the installed font packages.
 */
import { renderToBuffer } from '@react-pdf/renderer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { allText, type ProfileModel } from '../../domain/profile';
import type { Script } from '../../domain/scripts';
import type { WorkshopAnnexModel } from '../../domain/workshop-annex';
import { fontSources, subsetSources, type FontSource } from './font-sources';
import { parseFontCss, subsetsFor } from './font-subsets';
import { fontFamilies, registerProfileFonts, shapeWordsOnce, type FontFace } from './fonts';
import { ProfileDocument, WorkshopAnnexDocument } from './profile-document';
import { woffToSfnt } from './woff';

const require = createRequire(import.meta.url);

/** An installed WOFF file unwrapped (see woff.ts), as a data URL react-pdf reads without a file. */
export async function nodeFontFile(pkg: string, file: string): Promise<string> {
  const folder = join(dirname(require.resolve(`${pkg}/package.json`)), 'files');
  const sfnt = await woffToSfnt(new Uint8Array(readFileSync(join(folder, file))), (data) => new Uint8Array(inflateSync(data)));
  return `data:font/ttf;base64,${Buffer.from(sfnt).toString('base64')}`;
}

const face = async (source: FontSource): Promise<FontFace> => ({
  regular: await nodeFontFile(source.pkg, source.regular),
  bold: await nodeFontFile(source.pkg, source.bold),
});

async function registerFor(scripts: readonly Script[], texts: readonly string[]): Promise<void> {
  const wanted = scripts.filter((s) => fontSources[s]);
  const faces = await Promise.all(wanted.map(async (s) => [s, await face(fontSources[s]!)] as const));
  const subsets = await Promise.all(
    scripts
      .filter((s) => subsetSources[s])
      .map(async (s) => {
        const { pkg, css } = subsetSources[s]!;
        const files = subsetsFor(parseFontCss(readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), css), 'utf8')), texts);
        return [s, Object.fromEntries(await Promise.all(files.map(async (f) => [f, await nodeFontFile(pkg, f)] as const)))] as const;
      }),
  );
  registerProfileFonts({ base: await face(fontSources.base), ...Object.fromEntries(faces), subsets: Object.fromEntries(subsets) });
  await shapeWordsOnce(fontFamilies(scripts));
}

export async function renderProfilePdf(model: ProfileModel): Promise<Buffer> {
  await registerFor(model.scripts, allText(model));
  return renderToBuffer(ProfileDocument({ model }));
}

export async function renderWorkshopAnnexPdf(model: WorkshopAnnexModel): Promise<Buffer> {
  await registerFor(model.scripts, allText(model));
  return renderToBuffer(<WorkshopAnnexDocument model={model} />);
}

export { ProfileDocument };
