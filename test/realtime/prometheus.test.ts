import { parsePrometheus, sampleValue } from '../bench/realtime/harness/prometheus';

describe('reading /metrics', () => {
  const text = [
    '# HELP process_resident_memory_bytes Resident memory size in bytes.',
    '# TYPE process_resident_memory_bytes gauge',
    'process_resident_memory_bytes 123456789',
    'nodejs_heap_space_size_used_bytes{space="old"} 100',
    'nodejs_heap_space_size_used_bytes{space="new",extra="a\\"b"} 20',
    'spotify_polls_total{endpoint="player",outcome="ok"} 7',
    '',
  ].join('\n');

  it('finds samples by name and labels, summing those that match', () => {
    const samples = parsePrometheus(text);
    expect(sampleValue(samples, 'process_resident_memory_bytes')).toBe(123456789);
    expect(sampleValue(samples, 'nodejs_heap_space_size_used_bytes')).toBe(120);
    expect(sampleValue(samples, 'nodejs_heap_space_size_used_bytes', { space: 'new' })).toBe(20);
    expect(sampleValue(samples, 'spotify_polls_total', { outcome: 'failed' })).toBeNaN();
    expect(samples.find((sample) => sample.labels.extra !== undefined)?.labels.extra).toBe('a\\"b');
  });
});
