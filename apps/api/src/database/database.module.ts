import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@lastmile/config';
import { Database, secretCipherFor } from '@lastmile/persistence';

/**
 * The process's one database (created and migrated before Nest starts), as stores: services
 * inject Database and never a DataSource (the lint rule keeps SQL inside libs/persistence).
 */
@Global()
@Module({})
export class DatabaseModule {
  static forDataSource(dataSource: DataSource, config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: Database, useFactory: () => new Database(dataSource, secretCipherFor(config)) },
      ],
      exports: [Database],
    };
  }
}
