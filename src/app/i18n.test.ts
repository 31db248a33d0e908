import { describe, expect, it } from 'vitest';
import { setupI18n } from './i18n';

const resources = {
  en: { ui: { app: { name: 'MGI assessment' }, greet: 'Hello {{name}}' } },
  es: { ui: { app: { name: 'Evaluación MGI' }, greet: 'Hola {{name}}' } },
};

describe('remembered strings', () => {
  it('follow a language switch, new strings, and values passed in', async () => {
    const { i18n } = setupI18n('en', resources);
    const t = i18n.getFixedT(null, 'ui');
    expect(t('app.name')).toBe('MGI assessment');
    expect(t('app.name')).toBe('MGI assessment');
    expect(t('greet', { name: 'Ana' })).toBe('Hello Ana');
    expect(t('greet', { name: 'Ben' })).toBe('Hello Ben');

    await i18n.changeLanguage('es');
    expect(i18n.getFixedT(null, 'ui')('app.name')).toBe('Evaluación MGI');

    i18n.addResource('es', 'ui', 'app.name', 'Evaluación de la MGI');
    expect(i18n.getFixedT(null, 'ui')('app.name')).toBe('Evaluación de la MGI');
    // Asking for another language explicitly is not answered from the current one.
    expect(i18n.t('app.name', { lng: 'en' })).toBe('MGI assessment');
  });
});

describe('numbers in sentences', () => {
  it('are written the way each language writes them', async () => {
    const { i18n } = setupI18n('en', { en: { ui: { n: '{{total, number}}' } }, es: { ui: { n: '{{total, number}}' } }, fr: { ui: { n: '{{total, number}}' } } });
    expect(i18n.t('n', { total: 12345 })).toBe('12,345');
    await i18n.changeLanguage('es');
    expect(i18n.t('n', { total: 12345 })).toBe('12.345');
    await i18n.changeLanguage('fr');
    expect(i18n.t('n', { total: 12345 })).toBe('12\u202f345');
  });
});
