import { describeScheduleFiresOnce } from './support/schedule-once';

describeScheduleFiresOnce('postgres');
