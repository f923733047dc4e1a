import { Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemException } from './problem.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id cannot name anything: answer 404 rather than let Postgres reject the cast. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value))
      throw new ProblemException(404, 'Not Found', `${value} is not a known id`);
    return value.toLowerCase();
  }
}
