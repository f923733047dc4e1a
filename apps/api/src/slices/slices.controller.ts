import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { sliceUploadFieldsSchema, type SliceUploadFields } from './slice-upload.dto';
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

  /**
   * JSONL/CSV rows, or a .zip/.tar.gz of manifest.jsonl + WAV/FLAC (+ optional alternates.glm).
   * Same content = same version.
   */
  @Post()
  @Roles('admin', 'customer')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['name', 'file'],
      properties: {
        name: { type: 'string' },
        file: {
          type: 'string',
          format: 'binary',
          description:
            'JSONL or CSV rows, or a .zip / .tar.gz holding manifest.jsonl ({id, audio, reference, attributes} per line) and the WAV/FLAC files it names. An audio archive may add alternates.glm beside manifest.jsonl: an SCTK GLM of accepted alternates (e.g. `HEALTH CARE => {HEALTH CARE / HEALTHCARE} / [ ] __ [ ]`), applied to reference and hypothesis before alignment as SCTK hubscr.pl applies csrfilt.sh; it is part of the content hash.',
        },
        purpose: {
          type: 'string',
          enum: ['evaluation', 'monitoring'],
          default: 'evaluation',
          description:
            "'evaluation' (default): every audio row needs its reference. 'monitoring': unlabelled recordings; rows may omit reference, and runs on the slice compute label-free signals (SNR, tonal peaks, empty transcripts…) only, which raise condition_drift incidents.",
        },
      },
    },
  })
  @UseInterceptors(SliceUploadInterceptor)
  upload(
    @Auth() principal: Principal,
    @Param('tenant') tenant: string,
    @Body(new ZodPipe(sliceUploadFieldsSchema, 'form fields')) fields: SliceUploadFields,
    @UploadedFile() file: SliceFile | undefined,
  ) {
    return this.slices.upload(principal, tenant, fields.name, file, fields.purpose);
  }

  @Get()
  list(@Auth() principal: Principal, @Param('tenant') tenant: string) {
    return this.slices.list(principal, tenant);
  }

  @Get(':id')
  get(
    @Auth() principal: Principal,
    @Param('tenant') tenant: string,
    @Param('id', UuidParamPipe) id: string,
  ) {
    return this.slices.get(principal, tenant, id);
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

  /** One item's recording (audio/wav or audio/flac), e.g. for a report's worst items. */
  @Get(':id/items/:itemId/audio')
  @ApiProduces('audio/wav', 'audio/flac')
  async itemAudio(
    @Auth() principal: Principal,
    @Param('tenant') tenant: string,
    @Param('id', UuidParamPipe) id: string,
    @Param('itemId') itemId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { audio, mimeType } = await this.slices.itemAudio(principal, tenant, id, itemId);
    response.setHeader('Cache-Control', 'private, max-age=300');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(audio, {
      type: mimeType,
      length: audio.length,
      disposition: `inline; filename="${itemId.replace(/[^A-Za-z0-9._-]/g, '_')}.${mimeType === 'audio/flac' ? 'flac' : 'wav'}"`,
    });
  }
}
