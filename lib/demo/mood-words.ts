/**
 * What a listener might ask for, mapped to words the simulated catalog's titles are made of (see
 * lib/simulator/names.ts), so "something calm" finds "Quiet Meadow" the way a language model would.
 */
const MOODS: Readonly<Record<string, readonly string[]>> = {
  calm: ['quiet', 'gentle', 'sleepy', 'velvet', 'meadow', 'tide', 'dream'],
  energetic: ['electric', 'wild', 'burning', 'thunder', 'fire', 'storm', 'machine'],
  sad: ['lonely', 'broken', 'faded', 'rain', 'hollow', 'distant', 'shadow'],
  happy: ['bright', 'golden', 'summer', 'sweet', 'lights', 'morning'],
  night: ['midnight', 'neon', 'shadow', 'lantern', 'violet'],
  focus: ['quiet', 'glass', 'crystal', 'signal', 'orbit', 'compass'],
  road: ['highway', 'avenue', 'bridge', 'canyon', 'horizon', 'pilot', 'station'],
  cold: ['winter', 'frozen', 'northern', 'crystal'],
  sea: ['ocean', 'tide', 'harbor', 'island'],
};

const SYNONYMS: Readonly<Record<string, keyof typeof MOODS>> = {
  calm: 'calm',
  chill: 'calm',
  relax: 'calm',
  relaxing: 'calm',
  mellow: 'calm',
  soft: 'calm',
  sleep: 'calm',
  peaceful: 'calm',
  energetic: 'energetic',
  energy: 'energetic',
  upbeat: 'energetic',
  party: 'energetic',
  workout: 'energetic',
  dance: 'energetic',
  loud: 'energetic',
  hype: 'energetic',
  sad: 'sad',
  melancholy: 'sad',
  moody: 'sad',
  happy: 'happy',
  sunny: 'happy',
  cheerful: 'happy',
  night: 'night',
  late: 'night',
  dark: 'night',
  focus: 'focus',
  study: 'focus',
  work: 'focus',
  concentrate: 'focus',
  drive: 'road',
  driving: 'road',
  road: 'road',
  trip: 'road',
  cold: 'cold',
  snow: 'cold',
  sea: 'sea',
  beach: 'sea',
};

/** The catalog words that fit a word of a request ("chill" → quiet, gentle, ...), or none. */
export function moodWordsFor(word: string): readonly string[] {
  const mood = SYNONYMS[word];
  return mood === undefined ? [] : (MOODS[mood] ?? []);
}
