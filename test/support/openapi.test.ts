import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_FILE_NULLABLE, validateAgainstSchema } from './openapi';

const localFileBody: unknown = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'spotify', 'player-local-file.json'), 'utf8'),
);

describe('validateAgainstSchema', () => {
  it.each<[string, string, unknown, string[]]>([
    [
      'a valid device',
      'DeviceObject',
      { id: 'abc', name: 'Kitchen', type: 'Speaker', volume_percent: 40 },
      [],
    ],
    ['`nullable: true` accepts null', 'DeviceObject', { id: null, volume_percent: null }, []],
    ['a wrong type', 'DeviceObject', { volume_percent: 'loud' }, ['/volume_percent must be integer,null']],
    ['a maximum', 'DeviceObject', { volume_percent: 101 }, ['/volume_percent must be <= 100']],
    ['a valid error body', 'ErrorObject', { status: 429, message: 'API rate limit exceeded' }, []],
    ['required properties', 'ErrorObject', { status: 429 }, ["/ must have required property 'message'"]],
    [
      'the nulls Spotify documents in prose ("Can be `null`")',
      'CurrentlyPlayingContextObject',
      { item: null, context: null, progress_ms: null, currently_playing_type: 'ad' },
      [],
    ],
    ['a described null in the queue', 'QueueObject', { currently_playing: null, queue: [] }, []],
    [
      'a queue entry that is neither track nor episode',
      'QueueObject',
      { queue: [{ type: 'chapter' }] },
      expect.arrayContaining(['/queue/0 must match exactly one schema in oneOf']),
    ],
  ])('%s', (_case, schemaName, body, errors) => {
    expect(validateAgainstSchema(schemaName, body)).toEqual(errors);
  });

  it('can ignore the nulls described in prose only', () => {
    const errors = validateAgainstSchema(
      'CurrentlyPlayingContextObject',
      { item: null, progress_ms: null },
      { nullableWhereDescribed: false },
    );
    expect(errors).toEqual(expect.arrayContaining(['/progress_ms must be integer']));
  });

  it('rejects a real local file unless LOCAL_FILE_NULLABLE is given', () => {
    expect(validateAgainstSchema('CurrentlyPlayingContextObject', localFileBody)).toEqual(
      expect.arrayContaining(['/item/id must be string', '/item/album/uri must be string']),
    );
    expect(
      validateAgainstSchema('CurrentlyPlayingContextObject', localFileBody, {
        alsoNullable: LOCAL_FILE_NULLABLE,
      }),
    ).toEqual([]);
  });

  it('throws on a schema name the file does not have', () => {
    expect(() => validateAgainstSchema('PlayerObject', {})).toThrow(/PlayerObject is not a component schema/);
  });

  it('throws on an alsoNullable entry that names no property', () => {
    expect(() =>
      validateAgainstSchema('DeviceObject', {}, { alsoNullable: ['DeviceObject.colour'] }),
    ).toThrow('alsoNullable: DeviceObject.colour is not a property of a component schema');
  });
});
