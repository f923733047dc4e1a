import { describeScheduleFiresOnce } from './support/schedule-once';

// Its own spec file: BullMQ's backend factory is process-wide, and this process uses Redis.
describeScheduleFiresOnce('redis');
