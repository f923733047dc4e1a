import { Injectable } from '@nestjs/common';
import { Database } from '@lastmile/persistence';

/** Channels whose last three delivery attempts in the past hour all failed. */
@Injectable()
export class FailingChannelsProbe {
  constructor(private readonly database: Database) {}

  failing(): Promise<{ channel: string; lastError: string | null; lastAttemptAt: Date }[]> {
    return this.database.stores.alerts.failingChannels();
  }
}
