import { InvalidKeyPartError } from '../../../lib/store/invalid-key-part-error';
import type { TokenRecord } from '../../../lib/store/token-store';
import { T0, useFixture, type MakeStores } from './store-fixture';

const RECORD: TokenRecord = {
  accessToken: 'access-1',
  accessTokenExpiresAt: T0 + 3_600_000,
  refreshTokenCiphertext: 'v1.iv.ciphertext.tag',
  status: 'ok',
};

export function tokenContract(makeStores: MakeStores): void {
  describe('tokens', () => {
    const { stores } = useFixture(makeStores);

    it('returns null for a user without tokens and the record after set', async () => {
      await expect(stores().tokens.get('u1')).resolves.toBeNull();
      await stores().tokens.set('u1', RECORD);
      await expect(stores().tokens.get('u1')).resolves.toEqual(RECORD);
      await expect(stores().tokens.get('u2')).resolves.toBeNull();
    });

    it('replaces the whole record on set', async () => {
      await stores().tokens.set('u1', RECORD);
      const next: TokenRecord = { ...RECORD, accessToken: 'access-2', status: 'reauth_required' };
      await stores().tokens.set('u1', next);
      await expect(stores().tokens.get('u1')).resolves.toEqual(next);
    });

    it('keeps the refresh token when a refresh returns none, and sets status ok', async () => {
      await stores().tokens.set('u1', { ...RECORD, status: 'reauth_required' });
      const update = { accessToken: 'access-2', accessTokenExpiresAt: T0 + 7_200_000 };
      await expect(stores().tokens.updateAccessToken('u1', update)).resolves.toBe(true);
      await expect(stores().tokens.get('u1')).resolves.toEqual({ ...RECORD, ...update, status: 'ok' });
    });

    it('replaces the refresh token when a refresh returns one', async () => {
      await stores().tokens.set('u1', RECORD);
      const update = {
        accessToken: 'a3',
        accessTokenExpiresAt: T0 + 1,
        refreshTokenCiphertext: 'new-cipher',
      };
      await stores().tokens.updateAccessToken('u1', update);
      await expect(stores().tokens.get('u1')).resolves.toEqual({ ...update, status: 'ok' });
    });

    it('updates nothing for a user without a record', async () => {
      const update = { accessToken: 'a', accessTokenExpiresAt: T0 };
      await expect(stores().tokens.updateAccessToken('u1', update)).resolves.toBe(false);
      await expect(stores().tokens.markReauthRequired('u1')).resolves.toBe(false);
      await expect(stores().tokens.get('u1')).resolves.toBeNull();
    });

    it('marks reauth required and keeps the tokens', async () => {
      await stores().tokens.set('u1', RECORD);
      await expect(stores().tokens.markReauthRequired('u1')).resolves.toBe(true);
      await expect(stores().tokens.get('u1')).resolves.toEqual({ ...RECORD, status: 'reauth_required' });
    });

    it.each([
      ['an empty access token', { ...RECORD, accessToken: '' }],
      ['a NaN expiry', { ...RECORD, accessTokenExpiresAt: NaN }],
      ['an empty ciphertext', { ...RECORD, refreshTokenCiphertext: '' }],
      ['an unknown status', { ...RECORD, status: 'expired' as TokenRecord['status'] }],
    ])('rejects a record with %s', async (_what, record) => {
      await expect(stores().tokens.set('u1', record)).rejects.toThrow(RangeError);
      await expect(stores().tokens.get('u1')).resolves.toBeNull();
    });

    it.each(['', 'a:b', '{u1}', 'u 1', 'u*', 'x'.repeat(129)])('rejects the user id %j', async (userId) => {
      await expect(stores().tokens.get(userId)).rejects.toThrow(InvalidKeyPartError);
      await expect(stores().tokens.set(userId, RECORD)).rejects.toThrow(InvalidKeyPartError);
    });
  });
}
