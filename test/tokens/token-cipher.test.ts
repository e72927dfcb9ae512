import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { TokenCipher } from '../../lib/tokens/token-cipher';

const hexKey = randomBytes(32).toString('hex');

describe('TokenCipher', () => {
  it('round-trips any token, and never stores it in the clear', () => {
    const cipher = new TokenCipher(hexKey);
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (token) => {
        const stored = cipher.encrypt(token);
        return cipher.decrypt(stored) === token && (token.length < 4 || !stored.includes(token));
      }),
    );
  });

  it('accepts a base64 key as well as hex', () => {
    const key = randomBytes(32);
    const a = new TokenCipher(key.toString('hex'));
    const b = new TokenCipher(key.toString('base64'));
    expect(b.decrypt(a.encrypt('refresh-token'))).toBe('refresh-token');
  });

  it('uses a fresh IV each time', () => {
    const cipher = new TokenCipher(hexKey);
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
  });

  it('fails loudly with the wrong key or damaged data', () => {
    const stored = new TokenCipher(hexKey).encrypt('refresh-token');
    const other = new TokenCipher(randomBytes(32).toString('hex'));
    expect(() => other.decrypt(stored)).toThrow(/TOKEN_ENCRYPTION_KEY differs/);
    const damaged = `${stored.slice(0, -2)}${stored.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => new TokenCipher(hexKey).decrypt(damaged)).toThrow(/could not be decrypted/);
    expect(() => new TokenCipher(hexKey).decrypt('plain-token')).toThrow(/v1\.<iv>/);
  });

  it.each([['too-short'], [randomBytes(16).toString('hex')], [randomBytes(31).toString('base64')], ['']])(
    'rejects the key %j, saying what a key must be and not echoing it',
    (key) => {
      let message = '';
      try {
        new TokenCipher(key);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/must be 32 bytes, given as 64 hex characters or as base64/);
      if (key !== '') expect(message).not.toContain(key);
    },
  );
});
