/**
 * Loads a catalogue's structure and its texts in one language, validated. Both are split into their own
 * chunks by Vite, so the first screen does not carry a hundred indicators in three languages.
 */
import { parseCatalogue, parseCatalogueText, type Catalogue, type CatalogueBundle, type CatalogueKind } from '../domain/catalogue';
import type { Language } from '../domain/language';


const structures = import.meta.glob<{ default: unknown }>('../../indicators/*.json');
const texts = import.meta.glob<{ default: unknown }>('../../locales/*/{national,local}.json');

const cache = new Map<string, Promise<unknown>>();
function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key) as Promise<T>;
}

export function loadCatalogue(kind: CatalogueKind): Promise<Catalogue> {
  return once(`structure:${kind}`, async () => {
    const file = `indicators/${kind}.json`;
    const load = structures[`../../${file}`];
    if (!load) throw new Error(`${file}: missing`);
    return parseCatalogue((await load()).default, file);
  });
}

export function loadCatalogueBundle(kind: CatalogueKind, lang: Language): Promise<CatalogueBundle> {
  return once(`bundle:${kind}:${lang}`, async () => {
    const catalogue = await loadCatalogue(kind);
    const file = `locales/${lang}/${kind}.json`;
    const load = texts[`../../${file}`];
    if (!load) throw new Error(`${file}: missing`);
    return { catalogue, text: parseCatalogueText((await load()).default, file, catalogue), lang };
  });
}
