import { screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { renderWithI18n } from '../../test/render';
import { LengthHint } from './length-hint';

it.each([
  [100, 20_000, ''],
  [18_000, 20_000, 'Characters left: 2,000 (limit 20,000).'],
  [20_000, 20_000, 'Limit reached: 20,000 characters. Shorten the text or move details to evidence.'],
])('at %i of %i characters says %j', (length, max, text) => {
  renderWithI18n(<LengthHint id="h" length={length} max={max} />);
  expect(document.getElementById('h')?.textContent).toBe(text);
});

it.each([
  ['es', /Caracteres restantes: 1/],
  ['fr', /Caractères restants\s*: 1/],
] as const)('speaks %s', (lang, text) => {
  renderWithI18n(<LengthHint id="h" length={19_999} max={20_000} />, lang);
  expect(screen.getByText(text)).toBeTruthy();
});
