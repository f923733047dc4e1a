import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { unstorableTextProblems } from './unstorable-text';
import { invalid } from './problem.exception';
import { zodProblems } from '@lastmile/config';

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what = 'request body'): T {
  const parsed = schema.safeParse(value);
  const unstorable = unstorableTextProblems(value);
  if (parsed.success && unstorable.length === 0) return parsed.data;
  const errors = [...unstorable, ...(parsed.success ? [] : zodProblems(parsed.error))];
  throw invalid(
    `${what} is invalid: ${errors.map((e) => `${e.field}: ${e.reason}`).join('; ')}`,
    errors,
  );
}

@Injectable()
export class ZodPipe<T> implements PipeTransform<unknown, T> {
  constructor(
    private readonly schema: z.ZodType<T>,
    private readonly what = 'request body',
  ) {}

  transform(value: unknown): T {
    return parseOrThrow(this.schema, value, this.what);
  }
}
