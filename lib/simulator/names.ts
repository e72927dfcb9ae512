import type { Random } from '../random/random';

/**
 * Word lists for the generated catalog and listeners: names that read like a music library, so the demo and
 * the logs are easy to follow. Combinations are drawn from an injected Random.
 */

const ADJECTIVES = [
  'Silver',
  'Golden',
  'Quiet',
  'Electric',
  'Velvet',
  'Midnight',
  'Hollow',
  'Bright',
  'Wild',
  'Broken',
  'Paper',
  'Neon',
  'Crimson',
  'Lonely',
  'Distant',
  'Burning',
  'Frozen',
  'Gentle',
  'Restless',
  'Secret',
  'Crystal',
  'Faded',
  'Endless',
  'Sleepy',
  'Northern',
  'Southern',
  'Little',
  'Heavy',
  'Sweet',
  'Strange',
  'Blue',
  'Amber',
  'Violet',
  'Wandering',
  'Glass',
  'Summer',
  'Winter',
  'Early',
  'Last',
  'Open',
];

const NOUNS = [
  'Harbor',
  'Lights',
  'River',
  'Garden',
  'Echo',
  'Mountain',
  'Signal',
  'Ocean',
  'Window',
  'Highway',
  'Heart',
  'Shadow',
  'Fire',
  'Rain',
  'Morning',
  'Station',
  'Dream',
  'Mirror',
  'Horizon',
  'Letter',
  'Thunder',
  'Satellite',
  'Forest',
  'Avenue',
  'Canyon',
  'Bridge',
  'Compass',
  'Lantern',
  'Season',
  'Orbit',
  'Tide',
  'Machine',
  'Meadow',
  'Circle',
  'Voice',
  'Island',
  'Storm',
  'Pilot',
  'Hotel',
  'Radio',
];

const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Clara',
  'Dario',
  'Elif',
  'Felix',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Kaia',
  'Leon',
  'Mila',
  'Noah',
  'Olga',
  'Pablo',
  'Quinn',
  'Rosa',
  'Sami',
  'Tove',
  'Uma',
  'Viktor',
  'Wren',
  'Yara',
  'Zeno',
  'Aiko',
  'Bruno',
  'Cleo',
  'Dev',
  'Emil',
];

const LAST_NAMES = [
  'Andersen',
  'Baker',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Hale',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lind',
  'Moreau',
  'Novak',
  'Okafor',
  'Park',
  'Quist',
  'Rossi',
  'Sato',
  'Tanaka',
  'Ueda',
  'Vance',
  'Weber',
  'Xu',
  'Young',
  'Zimmer',
  'Alves',
  'Brandt',
  'Castillo',
  'Dahl',
];

const PLAYLIST_MOODS = [
  'Focus',
  'Chill',
  'Workout',
  'Road Trip',
  'Dinner',
  'Late Night',
  'Morning',
  'Rainy Day',
  'Party',
  'Study',
  'Sunday',
  'Throwback',
  'Deep Focus',
  'Acoustic',
  'Indie',
  'Lo-Fi',
  'Jazz',
  'Running',
  'Coffee',
  'Sleep',
];

const SHOW_TOPICS = [
  'Science',
  'History',
  'Design',
  'Money',
  'Football',
  'Cooking',
  'Music',
  'Tech',
  'Travel',
  'Crime',
];

export function titleWords(random: Random): string {
  switch (random.int(4)) {
    case 0:
      return `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`;
    case 1:
      return `${random.pick(NOUNS)} of ${random.pick(NOUNS)}`;
    case 2:
      return random.pick(NOUNS);
    default:
      return `The ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`;
  }
}

export function artistName(random: Random): string {
  return random.chance(0.5)
    ? `The ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}s`
    : `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

export function personName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

export function firstName(random: Random): string {
  return random.pick(FIRST_NAMES);
}

export function playlistName(random: Random): string {
  return random.chance(0.5)
    ? `${random.pick(PLAYLIST_MOODS)} Mix`
    : `${random.pick(ADJECTIVES)} ${random.pick(PLAYLIST_MOODS)}`;
}

export function showName(random: Random): string {
  return `The ${random.pick(SHOW_TOPICS)} ${random.pick(['Hour', 'Podcast', 'Show', 'Weekly', 'Files'])}`;
}
