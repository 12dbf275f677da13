import { strict as assert } from 'node:assert';
import { defineTexts, interpolate, toLocale } from '../../../bot/i18n';

describe('i18n', () => {
  it('maps Teams locales to supported languages', () => {
    assert.equal(toLocale('fr-FR'), 'fr');
    assert.equal(toLocale('FR-ca'), 'fr');
    assert.equal(toLocale('de-DE'), 'en');
    assert.equal(toLocale(undefined), 'en');
  });

  it('interpolates named placeholders and leaves unknown ones visible', () => {
    assert.equal(interpolate('Room {room} on {build}', { room: '4B' }), 'Room 4B on {build}');
  });

  it('looks texts up per locale', () => {
    const t = defineTexts({ en: { hi: 'Hello {name}' }, fr: { hi: 'Bonjour {name}' } });
    assert.equal(t('fr', 'hi', { name: 'Léo' }), 'Bonjour Léo');
  });
});
