// Updates come only from a feed the bureau set at packaging, and only over https (updateFeed.ts).
import { expect, it } from 'vitest';
import { updateFeed } from '../../electron/main/updateFeed';

it('is off unless an https feed was set at packaging', () => {
  expect(updateFeed({ name: 'xinfang-desk' })).toBeNull();
  expect(updateFeed({ xinfang: { updateUrl: 'http://city.example/updates/' } })).toBeNull();
  expect(updateFeed({ xinfang: { updateUrl: 'not a url' } })).toBeNull();
  expect(updateFeed({ xinfang: { updateUrl: 42 } })).toBeNull();
  expect(updateFeed(null)).toBeNull();
  expect(updateFeed({ xinfang: { updateUrl: 'https://city.example/updates/' } })).toEqual({ provider: 'generic', url: 'https://city.example/updates/' });
});
