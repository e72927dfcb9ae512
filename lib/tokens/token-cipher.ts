import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { TokenCipherError } from './token-cipher-error';

/**
 * Encrypts refresh tokens at rest with AES-256-GCM. The stored form is `v1.<iv>.<tag>.<ciphertext>` in
 * base64url: a fresh 96-bit IV per token, and the tag makes tampering or a wrong key fail loudly instead of
 * yielding a garbage token.
 */
export class TokenCipher {
  private readonly key: Buffer;

  /** `keyText`: 32 bytes as 64 hex characters or as base64 (e.g. `openssl rand -base64 32`). */
  constructor(keyText: string) {
    this.key = parseKey(keyText);
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), ciphertext].map(encodePart).join('.');
  }

  decrypt(stored: string): string {
    const parts = stored.split('.');
    if (parts.length !== 4 || parts[0] !== 'v1') {
      throw new TokenCipherError('stored token is not in the v1.<iv>.<tag>.<ciphertext> form');
    }
    const [, iv, tag, ciphertext] = parts.map((part) => Buffer.from(part, 'base64url')) as [
      Buffer,
      Buffer,
      Buffer,
      Buffer,
    ];
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new TokenCipherError(
        'stored token could not be decrypted: TOKEN_ENCRYPTION_KEY differs from the key it was encrypted with, or the data is damaged',
      );
    }
  }
}

function encodePart(part: string | Buffer): string {
  return typeof part === 'string' ? part : part.toString('base64url');
}

/** Parses a 32-byte key; the message says what was wrong, never the key. */
export function parseKey(keyText: string): Buffer {
  const text = keyText.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(text) && !/^[A-Za-z0-9+/_-]+={0,2}$/.test(text))) {
    throw new TokenCipherError(
      'the token encryption key must be 32 bytes, given as 64 hex characters or as base64 (try `openssl rand -base64 32`)',
    );
  }
  return key;
}
