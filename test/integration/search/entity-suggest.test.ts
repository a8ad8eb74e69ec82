// Entity suggestions for an article's text, on every dialect: names and aliases in any script and
// spacing, counted per mention, never inside another word, and only the edition's own names.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { createEntity } from '../../../src/domain/editions/index.js';
import { suggestEntities } from '../../../src/domain/search/index.js';
import { threeEditions } from '../../fixtures/factories.js';
import { eachDialect } from '../../support/database.js';

eachDialect('entity suggestions', (h) => {
  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    await createEntity(ctx, {
      key: 'deir-ez-zor',
      kind: 'place',
      names: {
        en: { name: 'Deir ez-Zor', aliases: ['Dayr az-Zawr', 'دير الزور'] },
        fa: { name: 'دیرالزور', aliases: ['Deir ez-Zor'] },
      },
    });
    await createEntity(ctx, {
      key: 'red-crescent',
      kind: 'organisation',
      names: { en: { name: 'Red Crescent', aliases: ['Red Crescent Society'] }, fa: { name: 'هلال احمر', aliases: ['جمعیت هلال احمر'] } },
    });
    await createEntity(ctx, { key: 'red', kind: 'place', names: { en: { name: 'Red' } } });
  });

  it('finds each entity under any alias and spacing, counting mentions', async () => {
    const text = 'Aid reached Deir Ezzor on Monday. The Red Crescent Society said convoys to Dayr az-Zawr and دير الزور would continue; the Red Crescent thanked donors.';
    const found = await suggestEntities(h().ctx(), { edition: 'en', text });
    const byKey = Object.fromEntries(found.map((f) => [f.key, f]));
    assert.equal(byKey['deir-ez-zor']?.mentions, 3);
    assert.deepEqual(new Set(byKey['deir-ez-zor']?.matched), new Set(['Deir ez-Zor', 'Dayr az-Zawr', 'دير الزور']));
    assert.equal(byKey['red-crescent']?.mentions, 2, 'the long alias and the short name on the same words are one mention');
    assert.equal(byKey['red']?.mentions, 2, 'a one-word name inside the longer one still counts as a word');
    assert.equal(found[0]?.key, 'deir-ez-zor', 'most mentioned first');
  });

  it('matches Persian text written with Arabic letters, spaces or none, and never inside a word', async () => {
    const fa = await suggestEntities(h().ctx(), { edition: 'fa', text: 'کاروان جمعيت هلال احمر به دير الزور رسید و سپس به دیرالزور بازگشت.' });
    assert.deepEqual(fa.map((f) => [f.key, f.mentions]), [['deir-ez-zor', 2], ['red-crescent', 1]]);
    const none = await suggestEntities(h().ctx(), { edition: 'en', text: 'Credit ratings of Redwood and Deirdre were shredded.' });
    assert.deepEqual(none, []);
  });

  it('uses only the edition’s own names and answers nothing for an empty text or an edition without entities', async () => {
    assert.deepEqual(await suggestEntities(h().ctx(), { edition: 'ar', text: 'دير الزور' }), []);
    assert.deepEqual(await suggestEntities(h().ctx(), { edition: 'en', text: '' }), []);
  });
});
