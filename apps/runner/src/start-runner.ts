import { NestFactory } from '@nestjs/core';
import { PinoNestLogger } from '@lastmile/telemetry';
import { AdapterPool } from '@lastmile/evaluation';
import { RunnerModule, type RunnerModuleOptions } from './runner.module';

/** The runner as a Nest application context (no HTTP): workers, schedules, housekeeping. */
export async function startRunner(options: RunnerModuleOptions): Promise<() => Promise<void>> {
  const app = await NestFactory.createApplicationContext(RunnerModule.register(options), {
    logger: new PinoNestLogger(),
  });
  await app.init();
  return async () => {
    await app.close();
    await app.get(AdapterPool).close();
  };
}
