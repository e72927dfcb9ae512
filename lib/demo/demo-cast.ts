import type { DeviceSpec } from '../simulator/listener-setup';

/**
 * The people of the demo. Fixed ids and names, so the README, the browser test and a person trying the demo
 * can say "sign in as Ada"; each has a phone, a laptop and a speaker (all with volume control, so every
 * control of the web client works on every device).
 */
export interface DemoCastMember {
  /** The Spotify user id (and the daemon's user id). */
  userId: string;
  displayName: string;
  devices: readonly DeviceSpec[];
}

function devices(phone: string, laptop: string, speaker: string): DeviceSpec[] {
  return [
    { name: phone, type: 'Smartphone', volume: 70 },
    { name: laptop, type: 'Computer', volume: 55 },
    { name: speaker, type: 'Speaker', volume: 35 },
  ];
}

export const DEMO_CAST: readonly DemoCastMember[] = Object.freeze([
  { userId: 'ada', displayName: 'Ada Lindqvist', devices: devices("Ada's iPhone", 'MacBook Air', 'Kitchen') },
  { userId: 'ben', displayName: 'Ben Okafor', devices: devices('Pixel 8', 'ThinkPad X1', 'Living Room') },
  {
    userId: 'clara',
    displayName: 'Clara Moreau',
    devices: devices("Clara's iPhone", 'Web Player (Chrome)', 'Sonos Move'),
  },
  {
    userId: 'dario',
    displayName: 'Dario Rossi',
    devices: devices('Galaxy S24', 'MacBook Pro', 'Bedroom Speaker'),
  },
  {
    userId: 'elif',
    displayName: 'Elif Yılmaz',
    devices: devices("Elif's iPhone", 'Surface Laptop', 'Studio'),
  },
  {
    userId: 'felix',
    displayName: 'Felix Weber',
    devices: devices('Pixel 7a', 'Dell XPS 13', 'Garden Speaker'),
  },
]);
