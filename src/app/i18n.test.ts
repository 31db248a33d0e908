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
