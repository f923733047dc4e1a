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
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiZodMultipart } from '../common/api-body.decorator';
import { ApiEndpoint, tenantParam, uuidParam } from '../common/api-endpoint.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import {
  sliceDetailSchema,
  sliceItemSchema,
  sliceSchema,
  uploadedSliceSchema,
} from '../openapi/responses/slice.response';
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
@Controller('v1/tenants/:tenant/slices')
export class SlicesController {
  constructor(private readonly slices: SlicesService) {}

  /** JSONL/CSV rows, or a .zip/.tar.gz of manifest.jsonl + WAV/FLAC. Same content = same version. */
  @Post()
  @Roles('admin', 'customer')
  @ApiEndpoint({
    summary: 'Upload a slice',
    description:
      'JSONL or CSV rows (`id`, `input`, `references`, `label`, `choices`, `attributes`), or a .zip/.tar.gz of manifest.jsonl plus WAV/FLAC clips. Validated completely before anything is stored. Content already uploaded under this name returns that version (200 is not used: `created` says which).',
    responses: [
      { status: 201, description: 'The version created or matched.', schema: uploadedSliceSchema },
    ],
    params: { tenant: tenantParam },
    problems: [
      404,
      {
        status: 422,
        description:
          'The file was read but refused: `errors` names each row and field (`rows[3].references`).',
      },
    ],
  })
  @ApiZodMultipart(sliceUploadFieldsSchema, {
    file: {
      field: 'file',
      description:
        'The slice: .jsonl, .csv, or a .zip/.tar.gz of manifest.jsonl with WAV/FLAC clips.',
    },
    limit: 'LASTMILE_MAX_UPLOAD_BYTES (200 MB by default)',
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
  @ApiEndpoint({
    summary: "List a tenant's slices",
    description: 'Every version, by name then newest version first.',
    responses: [{ status: 200, description: 'The slices.', schema: z.array(sliceSchema) }],
    params: { tenant: tenantParam },
    problems: [404],
  })
  list(@Auth() principal: Principal, @Param('tenant') tenant: string) {
    return this.slices.list(principal, tenant);
  }

  /** A slice version with sample-size advice (assumptions as query parameters; see docs/slices.md). */
  @Get(':id')
  @ApiEndpoint({
    summary: 'Get a slice version, with sample-size advice',
    description:
      'The version and `sampleSize`: per breakdown group, the items, the smallest rate and WER change the drift test detects, the parity tolerance supported and the items TOST needs for the tolerance (docs/slices.md). The query sets the assumptions.',
    responses: [{ status: 200, description: 'The slice.', schema: sliceDetailSchema }],
    params: { tenant: tenantParam, id: uuidParam('slice') },
    query: sampleSizeQuerySchema,
    queryDescriptions: {
      planId: "Use this plan's alertPolicy.fairnessTolerance as the tolerance.",
      tolerance: 'Parity tolerance ±Δ (default 0.01).',
      rate: 'Expected error / false-rejection rate (default 0.05).',
      wer: 'Expected word error rate (default 0.10).',
      power: 'Power wanted (default 0.8).',
      alpha: 'Significance level (default 0.05).',
      wordCorrelation: 'Correlation of word errors within an utterance (default 0.2).',
    },
    problems: [404],
  })
  get(
    @Auth() principal: Principal,
    @Param('tenant') tenant: string,
    @Param('id', UuidParamPipe) id: string,
    @Query(new ZodPipe(sampleSizeQuerySchema, 'query')) query: SampleSizeQuery,
  ) {
    return this.slices.detail(principal, tenant, id, query);
  }

  @Get(':id/items')
  @ApiEndpoint({
    summary: "Page through a slice's items",
    description:
      'In upload order, without audio bytes. Keyset pages: pass the last `ordinal` you received as `after`; an empty page is the end.',
    responses: [{ status: 200, description: 'A page of items.', schema: z.array(sliceItemSchema) }],
    params: { tenant: tenantParam, id: uuidParam('slice') },
    query: itemsQuerySchema,
    queryDescriptions: {
      after: 'The `ordinal` of the last item of the previous page (-1: from the start).',
      limit: 'Page size.',
    },
    problems: [404],
  })
  items(
    @Auth() principal: Principal,
    @Param('tenant') tenant: string,
    @Param('id', UuidParamPipe) id: string,
    @Query(new ZodPipe(itemsQuerySchema, 'query')) query: z.output<typeof itemsQuerySchema>,
  ) {
    return this.slices.items(principal, tenant, id, query.after, query.limit);
  }
}
