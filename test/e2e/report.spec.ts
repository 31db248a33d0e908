import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { SERVICE_WORKER_FILE } from '../../src/app/service-worker-file';
import { allSaved, expectNoAxeViolations, pdfText, underServiceWorker } from './helpers';

/**
 * Results and the profile PDF, as a workshop uses them: open the demonstration assessment, look at
 * the results, and take the profile away as a PDF in another language than the screens, with the
 * laptop offline once the app has been loaded (when the app has a service worker to make that work).
 */

/** After the first load: waits for the service worker, if the app has one, then cuts the network. */
async function offlineWhenPossible(page: Page, context: BrowserContext): Promise<boolean> {
  const hasWorker = (await page.request.get(SERVICE_WORKER_FILE)).ok();
  if (!hasWorker) return false;
  await underServiceWorker(page);
  await context.setOffline(true);
  return true;
}

test('the demonstration assessment gives results on screen and a Spanish profile PDF, offline', async ({ page, context }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Assessments on this device' })).toBeVisible();
  const offline = await offlineWhenPossible(page, context);
  testInfo.annotations.push({ type: 'network', description: offline ? 'offline (service worker)' : 'online (no service worker yet)' });

  await page.getByRole('button', { name: 'Open the demonstration assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Results and profile: Republic of Valdoria/ })).toBeVisible();

  // The chart has its table; the method is explained; findings are split per domain.
  const figures = page.getByRole('table', { name: 'Score and answers by domain' });
  await expect(figures.getByRole('row')).toHaveCount(7);
  await expect(figures.getByRole('rowheader', { name: "Migrants' rights" })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How the scores are calculated' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Well-developed areas' })).toHaveCount(6);
  await expect(page.getByRole('heading', { name: 'Areas with potential for further development' })).toHaveCount(6);
  await expect(page.getByText('There is no earlier assessment of this government at this level on this device.')).toBeVisible();
  await expectNoAxeViolations(page, 'results');

  // The document in Spanish while the screens stay in English.
  await page.getByLabel('Language of the document').selectOption('es');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Create the profile PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`mgi-profile-republic-of-valdoria-demonstration-${new Date().getFullYear()}-es.pdf`);
  await expect(page.getByRole('status').filter({ hasText: 'The document is ready' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download it again' })).toHaveAttribute('href', /^blob:/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Results and profile/); // the UI stayed English

  const file = testInfo.outputPath('profile-es.pdf');
  await download.saveAs(file);
  const pdf = await pdfText(file);
  expect(pdf.pages).toBeGreaterThan(20);
  expect(pdf.info).toMatchObject({ Title: expect.stringContaining('Perfil de Gobernanza de la Migración'), Language: 'es' });
  for (const heading of ['Índice', 'Acrónimos', 'Objetivos', 'Contexto', 'Resultados', 'Áreas bien desarrolladas', 'Áreas con potencial de desarrollo adicional', 'Fuentes principales', 'Anexo I', 'BORRADOR']) {
    expect(pdf.text).toContain(heading);
  }
  // The document's own words are Spanish; the team's (the demonstration was opened in English) stay as typed.
  expect(pdf.text).toContain('Republic of Valdoria (demonstration)');
  // A profile, not a rating: no score in it.
  expect(pdf.text).not.toMatch(/Puntuación|\d+ sobre 100/);

  // The same profile as an editable Word document, built in the worker too.
  await page.getByLabel('Format').selectOption('docx');
  const wordDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Create the profile as a Word document' }).click();
  const word = await wordDownload;
  expect(word.suggestedFilename()).toMatch(/^mgi-profile-republic-of-valdoria-demonstration-\d+-es\.docx$/);
  const wordFile = testInfo.outputPath('profile-es.docx');
  await word.saveAs(wordFile);
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(wordFile)))['word/document.xml']!);
  expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?Acrónimos/);
  expect(xml).toContain('Firmas');

  // The workshop figures go into their own document.
  await page.getByLabel('Format').selectOption('pdf');
  const annexDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Create the workshop annex' }).click();
  const annex = await annexDownload;
  expect(annex.suggestedFilename()).toMatch(/^mgi-workshop-annex-.*-es\.pdf$/);
  const annexFile = testInfo.outputPath('annex-es.pdf');
  await annex.saveAs(annexFile);
  expect((await pdfText(annexFile)).text).toContain('Puntuación (0-100)');
});

test('after a follow-up, the results show what moved since the earlier assessment, and its profile made while idle says so', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the demonstration assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Results and profile/ })).toBeVisible();

  // Start a follow-up (a copy), then change one answer in it.
  await page.goto('/');
  await page.getByRole('button', { name: 'Start follow-up' }).first().click();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('h1#indicator-question')).toBeVisible();
  const question = (await page.locator('h1#indicator-question').textContent())!;
  const wasYes = await page.getByRole('radio', { name: 'Yes' }).isChecked();
  await page.getByRole('radio', { name: wasYes ? 'No' : 'Yes' }).check();
  await expect(page.getByText('All changes saved')).toBeVisible();

  await page.getByRole('link', { name: 'Results and profile' }).click();
  const moved = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Indicator' }) });
  await expect(moved.getByRole('row')).toHaveCount(2);
  await expect(moved.getByRole('rowheader')).toHaveText(question);
  await expect(moved.getByRole('cell', { name: wasYes ? 'moved down' : 'moved up' })).toBeVisible();
  await expectNoAxeViolations(page, 'results with a comparison');

  // The worker warmed up with the follow-up's own profile, changes since the earlier one included:
  // the click gets that file at once (marked for the bench), not a build of its own.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Create the profile PDF' }).click();
  const file = testInfo.outputPath('follow-up.pdf');
  await (await downloading).saveAs(file);
  const made = await page.evaluate(() => (performance.getEntriesByName('mgi-profile-pdf-worker').at(-1) as PerformanceMark).detail.made as boolean);
  expect(made).toBe(true);
  expect((await pdfText(file)).text).toContain('What has changed since');
});

test('a local assessment follows its level in the profile, read alongside the national one it names', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the demonstration assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Results and profile/ })).toBeVisible();

  await page.goto('/#/new');
  await page.getByLabel('Government or authority').fill('City of Example');
  await page.getByRole('radio', { name: 'Local' }).check();
  const national = page.getByLabel('National assessment of the country');
  const option = national.getByRole('option', { name: /Republic of Valdoria/ });
  await national.selectOption((await option.getAttribute('value'))!);
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.locator('h1#indicator-question')).toBeVisible();
  await page.getByRole('radio', { name: 'Partial' }).check();
  await page.getByLabel('Narrative').fill('A municipal decree of 2024 covers <b>part</b> of the ground.');
  await expect(page.getByText('All changes saved')).toBeVisible();

  await page.getByRole('link', { name: 'Results and profile' }).click();
  await expect(page.getByText('A municipal decree of 2024 covers <b>part</b> of the ground.')).toBeVisible();
  await expect(page.getByText('Compared with the national assessment “Republic of Valdoria (demonstration)')).toBeVisible();
  // Partial alone scores 50 in that domain; the demonstration's national score there is 66: both in place.
  await expect(page.getByText('Local practice builds on national policy: both are largely in place.')).toBeVisible();
  await page.getByLabel('Language of the document').selectOption('fr');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Create the profile PDF' }).click();
  const file = test.info().outputPath('local-fr.pdf');
  await (await downloading).saveAs(file);
  const pdf = await pdfText(file);
  expect(pdf.text).toContain('Profil de gouvernance locale des migrations');
  expect(pdf.text).toContain('City of Example');
  expect(pdf.text).toContain('<b>part</b>');
  expect(pdf.text).toContain('Politiques locales et nationales');
  expect(pdf.text).toContain('La pratique locale s’appuie sur la politique nationale');
});

test('names and narratives in Arabic, Japanese and Cyrillic come out in the PDF with their fonts, built in the worker', async ({ page }) => {
  await page.goto('/#/new');
  await page.getByLabel('Government or authority').fill('المملكة الأردنية الهاشمية');
  await page.getByLabel('Context for the profile').fill('出入国管理及び難民認定法\n\nМиграционная политика');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.locator('h1#indicator-question')).toBeVisible();
  await page.getByRole('radio', { name: 'Yes' }).check();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.getByRole('link', { name: 'Results and profile' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Create the profile PDF' }).click();
  const file = test.info().outputPath('scripts.pdf');
  await (await downloading).saveAs(file);
  const raw = readFileSync(file).toString('latin1');
  for (const font of ['NotoSansArabic', 'NotoSansJP', 'NotoSans']) expect(raw).toContain(font);
  expect(raw).not.toContain('NotoSansKR');
  const pdf = await pdfText(file);
  expect(pdf.text.replace(/\s/g, '')).toContain('出入国管理及び難民認定法'); // this reader puts a space between glyph runs
  expect(pdf.text).toContain('Миграционная политика');
});

test('in Spanish the long domain names of the chart are shown whole, and narratives keep their line breaks', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Language').selectOption('es');
  await page.goto('/#/new');
  await page.getByLabel('Gobierno o autoridad').fill('Ejemplandia');
  await page.getByRole('button', { name: 'Crear evaluación' }).click();
  await expect(page.locator('h1#indicator-question')).toBeVisible();
  await page.getByRole('radio', { name: 'Sí' }).check();
  await page.getByLabel('Justificación').fill('Uno.\nDos.');
  await expect(page.getByText('Todos los cambios guardados')).toBeVisible();
  await page.getByRole('link', { name: 'Resultados y perfil' }).click();

  const label = page.locator('.chart-label').filter({ hasText: 'Dimensión de movilidad en situaciones de crisis' });
  await expect(label).toBeVisible();
  // Whole: nothing of it is cut off or runs out of its box.
  const clipped = await label.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const figure = el.closest('figure')!.getBoundingClientRect();
    return el.scrollWidth > el.clientWidth + 1 || box.left < figure.left || box.right > figure.right;
  });
  expect(clipped).toBe(false);

  const narrative = page.locator('.finding-narrative').first();
  await expect(narrative).toContainText('Uno.');
  const lines = await narrative.evaluate((el) => {
    // The note's own text (after the label kept for screen readers, which is positioned elsewhere).
    const range = document.createRange();
    range.selectNodeContents(el.lastChild!);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  expect(lines).toBeGreaterThanOrEqual(2);
});

test('the document worker starts while the results screen is idle, makes every file, and ends on leaving the screen', async ({ page }) => {
  const workers: import('@playwright/test').Worker[] = [];
  page.on('worker', (worker) => workers.push(worker));
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the demonstration assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Results and profile/ })).toBeVisible();
  // Started before any click, so the click finds it warm.
  await expect.poll(() => workers.length).toBe(1);
  for (const lang of ['fr', 'en']) {
    await page.getByLabel('Language of the document').selectOption(lang);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Create the profile PDF' }).click();
    expect((await downloading).suggestedFilename()).toMatch(new RegExp(`-${lang}\\.pdf$`));
  }
  expect(workers).toHaveLength(1);
  // Leaving the screen ends it, which returns its memory (react-pdf, the fonts).
  const ended = new Promise((resolve) => workers[0]!.on('close', resolve));
  await page.getByRole('link', { name: 'Back to the questionnaire' }).click();
  await ended;
});

test('the profile the worker made while the screen was idle is the file a click gets, unless an answer changed meanwhile', async ({ context }, testInfo) => {
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the demonstration assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Results and profile/ })).toBeVisible();
  const id = decodeURIComponent(/#\/a\/([^/]+)/.exec(page.url())![1]!);
  // The worker is started to warm up, before any click: the warm-up lays out this very profile.
  await expect.poll(() => page.workers().length).toBe(1);

  const createPdf = async (name: string) => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Create the profile PDF' }).click();
    const file = testInfo.outputPath(name);
    await (await downloading).saveAs(file);
    // Whether the worker handed over the warm-up's file (marked for the bench) or made a new one.
    const made = await page.evaluate(() => (performance.getEntriesByName('mgi-profile-pdf-worker').at(-1) as PerformanceMark).detail.made as boolean);
    return { text: (await pdfText(file)).text, made };
  };

  const first = await createPdf('made-while-idle.pdf');
  expect(first.made).toBe(true);
  expect(first.text).toContain('Republic of Valdoria (demonstration)');
  expect(first.text).not.toContain('Kestrelgate');

  // Another window changes a narrative: the same click now asks for another document, made anew.
  const other = await context.newPage();
  await other.goto(`/#/a/${encodeURIComponent(id)}`);
  await other.getByLabel('Narrative').fill('Minutes of the Kestrelgate committee are published.');
  await allSaved(other);
  const second = await createPdf('after-a-change.pdf');
  expect(second.made).toBe(false);
  expect(second.text).toContain('Kestrelgate');
});
