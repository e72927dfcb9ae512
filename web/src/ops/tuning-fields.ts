import type { SchedulerTuning } from '../../../lib/scheduler/scheduler-tuning';

/** How each run-time setting is shown in the tuning form. Descriptions follow lib/scheduler/scheduler-tuning.ts. */

export type TuningName = keyof SchedulerTuning;
export type TuningUnit = 'ms' | 'requests' | 'fraction' | 'per hour' | 'changes';

export interface TuningField {
  name: TuningName;
  label: string;
  unit: TuningUnit;
  help: string;
}

export interface TuningGroup {
  title: string;
  fields: readonly TuningField[];
}

export const TUNING_GROUPS: readonly TuningGroup[] = [
  {
    title: 'Budget',
    fields: [
      {
        name: 'budgetPerWindow',
        label: 'Requests per window',
        unit: 'requests',
        help: 'All workers together; leave headroom for the app’s own calls.',
      },
      { name: 'windowMs', label: 'Window', unit: 'ms', help: 'Spotify’s rolling window is 30 s.' },
      {
        name: 'headroomFraction',
        label: 'Urgent headroom',
        unit: 'fraction',
        help: 'Share kept for hint polls, fast-follows and first polls.',
      },
      {
        name: 'paceUtilization',
        label: 'Pace utilization',
        unit: 'fraction',
        help: 'How full the deferrable plan runs the pacer.',
      },
    ],
  },
  {
    title: 'Cadence',
    fields: [
      {
        name: 'playingMinIntervalMs',
        label: 'Playing: shortest interval',
        unit: 'ms',
        help: 'More often is wasted on an eventually consistent API.',
      },
      {
        name: 'playingMaxIntervalMs',
        label: 'Playing: longest interval',
        unit: 'ms',
        help: 'Kept whenever the budget pays for every user’s maximum.',
      },
      { name: 'pausedMinIntervalMs', label: 'Paused: shortest interval', unit: 'ms', help: '' },
      { name: 'pausedMaxIntervalMs', label: 'Paused: longest interval', unit: 'ms', help: '' },
      { name: 'noDeviceMinIntervalMs', label: 'No device: shortest interval', unit: 'ms', help: '' },
      { name: 'noDeviceMaxIntervalMs', label: 'No device: longest interval', unit: 'ms', help: '' },
    ],
  },
  {
    title: 'Change-rate learning',
    fields: [
      {
        name: 'playingPriorPerHour',
        label: 'Prior while playing',
        unit: 'per hour',
        help: 'Changes per hour assumed for a new listener.',
      },
      {
        name: 'pausedPriorPerHour',
        label: 'Prior while paused',
        unit: 'per hour',
        help: 'People resume soon.',
      },
      { name: 'noDevicePriorPerHour', label: 'Prior with no device', unit: 'per hour', help: '' },
      {
        name: 'priorWeight',
        label: 'Prior weight',
        unit: 'changes',
        help: 'How many changes’ worth of evidence the prior counts for.',
      },
      {
        name: 'rateMemoryMs',
        label: 'Rate memory',
        unit: 'ms',
        help: 'Evidence this much older weighs 1/e.',
      },
      {
        name: 'rateMaxGapMs',
        label: 'Longest useful gap',
        unit: 'ms',
        help: 'A longer unobserved gap teaches nothing.',
      },
    ],
  },
  {
    title: 'Track ends and hints',
    fields: [
      {
        name: 'endMarginMs',
        label: 'End margin',
        unit: 'ms',
        help: 'The end poll goes out this long after the predicted end.',
      },
      {
        name: 'endMergeFraction',
        label: 'End merge fraction',
        unit: 'fraction',
        help: 'A cadence poll this close before the end poll is skipped.',
      },
      {
        name: 'endShareMax',
        label: 'End share limit',
        unit: 'fraction',
        help: 'Above this share of the budget, natural-end polls stop.',
      },
      {
        name: 'fastFollowIntervalMs',
        label: 'Fast-follow interval',
        unit: 'ms',
        help: 'While waiting for a hinted change.',
      },
      {
        name: 'fastFollowLimitMs',
        label: 'Fast-follow limit',
        unit: 'ms',
        help: 'Fast-following stops after this long.',
      },
    ],
  },
  {
    title: 'Queue',
    fields: [
      {
        name: 'queueSlowIntervalMs',
        label: 'Slow timer',
        unit: 'ms',
        help: 'The queue is polled at least this often while a device is active.',
      },
      {
        name: 'queueMinIntervalMs',
        label: 'Shortest gap',
        unit: 'ms',
        help: 'Between queue polls of one user (other than a hint’s).',
      },
      {
        name: 'queueShareMax',
        label: 'Queue share limit',
        unit: 'fraction',
        help: 'Of the deferrable plan.',
      },
    ],
  },
  {
    title: 'Jitter and backoff',
    fields: [
      {
        name: 'jitterFraction',
        label: 'Cadence jitter',
        unit: 'fraction',
        help: 'Only to de-synchronize users.',
      },
      {
        name: 'backoffBaseMs',
        label: 'Backoff start',
        unit: 'ms',
        help: 'After a 5xx or a timeout; doubles per failure.',
      },
      { name: 'backoffMaxMs', label: 'Backoff limit', unit: 'ms', help: '' },
      { name: 'backoffJitterFraction', label: 'Backoff jitter', unit: 'fraction', help: '' },
    ],
  },
];

export const TUNING_FIELDS: readonly TuningField[] = TUNING_GROUPS.flatMap((group) => group.fields);
