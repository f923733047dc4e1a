import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { AppConfig } from '@lastmile/config';
import { APP_CONFIG } from '../config.token';

/**
 * Multer for slice uploads, limited by the validated configuration (a decorator's options are
 * fixed at import time, before any configuration is read): it stops reading past
 * LASTMILE_MAX_UPLOAD_BYTES (413) before anything is parsed.
 */
@Injectable()
export class SliceUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const Multer = FileInterceptor('file', {
      limits: { files: 1, fields: 4, fileSize: config.LASTMILE_MAX_UPLOAD_BYTES },
    });
    this.multer = new Multer(undefined);
  }

  intercept(context: ExecutionContext, next: CallHandler) {
    return this.multer.intercept(context, next);
  }
}
