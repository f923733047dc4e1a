import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import {
  sampleSizeQuerySchema,
  sliceUploadFieldsSchema,
  type SampleSizeQuery,
  type SliceUploadFields,
} from './slice-upload.dto';
import { SliceUploadInterceptor } from './slice-upload.interceptor';
import { SlicesService, type UploadedFile as SliceFile } from './slices.service';

const itemsQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(-1).default(-1),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

@ApiTags('slices')
@ApiBearerAuth()
@Controller('v1/tenants/:tenant/slices')
export class SlicesController {
  constructor(private readonly slices: SlicesService) {}

  /** JSONL/CSV rows, or a .zip/.tar.gz of manifest.jsonl + WAV/FLAC. Same content = same version. */
  @Post()
  @Roles('admin', 'customer')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['name', 'file'],
      properties: { name: { type: 'string' }, file: { type: 'string', format: 'binary' } },
    },
  })
  @UseInterceptors(SliceUploadInterceptor)
  upload(
    @Auth() principal: Principal,
    @Param('tenant') tenant: string,
    @Body(new ZodPipe(sliceUploadFieldsSchema, 'form fields')) fields: SliceUploadFields,
    @UploadedFile() file: SliceFile | undefined,
  ) {
    return this.slices.upload(principal, tenant, fields.name, file);
  }

  @Get()
  list(@Auth() principal: Principal, @Param('tenant') tenant: string) {
    return this.slices.list(principal, tenant);
  }

  /** A slice version with sample-size advice (assumptions as query parameters; see docs/slices.md). */
  @Get(':id')
  get(
    @Auth() principal: Principal,
    @Param('tenant') tenant: string,
    @Param('id', UuidParamPipe) id: string,
    @Query(new ZodPipe(sampleSizeQuerySchema, 'query')) query: SampleSizeQuery,
  ) {
    return this.slices.detail(principal, tenant, id, query);
  }

  @Get(':id/items')
  items(
    @Auth() principal: Principal,
    @Param('tenant') tenant: string,
    @Param('id', UuidParamPipe) id: string,
    @Query(new ZodPipe(itemsQuerySchema, 'query')) query: z.output<typeof itemsQuerySchema>,
  ) {
    return this.slices.items(principal, tenant, id, query.after, query.limit);
  }
}
