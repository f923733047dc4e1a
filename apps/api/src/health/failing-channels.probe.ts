import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Channels whose last three delivery attempts in the past hour all failed. */
@Injectable()
export class FailingChannelsProbe {
  constructor(private readonly dataSource: DataSource) {}

  async failing(): Promise<{ channel: string; lastError: string | null; lastAttemptAt: Date }[]> {
    return this.dataSource.query(`
      SELECT channel_key AS channel, (array_agg(error ORDER BY at DESC))[1] AS "lastError", max(at) AS "lastAttemptAt"
      FROM (
        SELECT channel_key, status, error, at,
               row_number() OVER (PARTITION BY channel_key ORDER BY at DESC) AS recent
        FROM notifications WHERE at > now() - interval '1 hour'
      ) attempts
      WHERE recent <= 3
      GROUP BY channel_key
      HAVING bool_and(status = 'failed') AND count(*) = 3`);
  }
}
