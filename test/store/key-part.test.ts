import fc from 'fast-check';
import { InvalidKeyPartError } from '../../lib/store/invalid-key-part-error';
import { assertKeyPart, isValidKeyPart } from '../../lib/store/key-part';

describe('key parts', () => {
  it.each([
    'u1',
    'wizzler',
    '1234567890',
    'john.doe_99',
    'f47ac10b-58cc-4372-a567-0e02b2c3d479',
    'someone+tag@example.com',
    'Xz3_-AbcdEfgh12345678',
    'YmFzZTY0==',
    'x'.repeat(128),
  ])('accepts %j', (id) => {
    expect(isValidKeyPart(id)).toBe(true);
  });

  it.each([
    '',
    'a:b',
    '{tag}',
    'a b',
    'a\n',
    'a*',
    'a?',
    '[a]',
    'a\\b',
    'a/b',
    'é',
    'x'.repeat(129),
    42,
    null,
  ])('rejects %j', (id) => {
    expect(isValidKeyPart(id)).toBe(false);
    expect(() => assertKeyPart('userId', id)).toThrow(InvalidKeyPartError);
  });

  it('rejects every id containing a colon or a brace', () => {
    const hostile = fc
      .tuple(fc.string(), fc.constantFrom(':', '{', '}'), fc.string())
      .map(([a, c, b]) => `${a}${c}${b}`);
    fc.assert(fc.property(hostile, (id) => !isValidKeyPart(id)));
  });

  it('names the kind and the value in the error', () => {
    expect(() => assertKeyPart('workerId', 'a:b')).toThrow(
      'workerId must be 1 to 128 characters of A-Z a-z 0-9 . _ - @ + =, got "a:b"',
    );
  });
});
