/** A stored refresh token could not be decrypted: the key changed, or the ciphertext was damaged. */
export class TokenCipherError extends Error {
  readonly code = 'TOKEN_CIPHER_FAILED';

  constructor(message: string) {
    super(message);
    this.name = 'TokenCipherError';
  }
}
