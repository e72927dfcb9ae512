/**
 * `npm start`. The embedded demo (simulator, worker, gateway and web client in one process) is not built yet;
 * until it is, this says what is there to run.
 */
const lines = [
  'spotify-state-daemon: the demo behind `npm start` (simulator + worker + gateway + web client) is not built yet.',
  '',
  'What runs today:',
  '  npm run --silent replay -- test/fixtures/ai-command-volume-device.jsonl',
  '      replays a recorded poll log through normalize → diff → attribute and prints the events',
  '  npm run --silent simulator -- --port 4010 --listeners 3 --seed 1',
  '      a Spotify Web API simulator with listeners who use the Spotify app',
  '  npm run worker',
  '      the poller (needs REDIS_URL and Spotify credentials; see the README for its configuration)',
  '  npm run bench',
  '      the core-cost benchmark (diff + attribute per poll)',
  '  npm test',
  '      type check, lint and the test suite',
];
process.stdout.write(`${lines.join('\n')}\n`);
