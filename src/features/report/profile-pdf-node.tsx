/**
 * Renders the profile in Node (command-line tool and tests): the same document as the worker builds in
 * the browser, with the fonts read from the installed font package.
 */
import { renderToBuffer } from '@react-pdf/renderer';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ProfileModel } from '../../domain/profile';
import { fontFileNames, registerProfileFonts, type FontFiles } from './fonts';
import { ProfileDocument } from './profile-document';

function nodeFontFiles(): FontFiles {
  const folder = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans/package.json')), 'files');
  const at = (file: string) => join(folder, file);
  return {
    regular: at(fontFileNames.regular),
    bold: at(fontFileNames.bold),
    italic: at(fontFileNames.italic),
    extRegular: at(fontFileNames.extRegular),
    extBold: at(fontFileNames.extBold),
    extItalic: at(fontFileNames.extItalic),
  };
}

export async function renderProfilePdf(model: ProfileModel): Promise<Buffer> {
  registerProfileFonts(nodeFontFiles());
  return renderToBuffer(<ProfileDocument model={model} />);
}
