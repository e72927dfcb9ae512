import { BenchArgsError, parseBenchArgs } from './cli-args';

describe('npm run bench arguments', () => {
  const parse = (...argv: string[]) => parseBenchArgs(argv, '/repo', '/here');

  it('defaults to the quick mode, the default workload and bench-results/latest.json', () => {
    expect(parse()).toEqual({
      full: false,
      workloadFile: '/repo/config/workloads/default.json',
      only: null,
      outFile: '/repo/bench-results/latest.json',
      help: false,
    });
  });

  it('takes --full, --workload (relative to the working directory), --only and --out', () => {
    expect(
      parse('--full', '--workload', 'w.json', '--only', 'detection, coreCost', '--out', '/tmp/x.json'),
    ).toEqual({
      full: true,
      workloadFile: '/here/w.json',
      only: ['detection', 'coreCost'],
      outFile: '/tmp/x.json',
      help: false,
    });
  });

  it.each([
    [['--fast'], 'unknown argument "--fast"'],
    [['--workload'], '--workload needs a value'],
    [['--only', '--full'], '--only needs a value'],
  ])('refuses %p with a message and the usage', (argv, message) => {
    expect(() => parse(...argv)).toThrow(BenchArgsError);
    expect(() => parse(...argv)).toThrow(message);
    expect(() => parse(...argv)).toThrow('usage: npm run bench');
  });
});
