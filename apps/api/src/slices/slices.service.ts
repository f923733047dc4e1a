import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@lastmile/config';
import { Slice, SliceItem, storeSlice } from '@lastmile/persistence';
import { parseSliceUpload, SliceValidationError, type SliceLimits } from '@lastmile/slices';
import { AuditService } from '../common/audit.service';
import { invalid, notFound, ProblemException } from '../common/problem.exception';
import { APP_CONFIG } from '../config.token';
import type { Principal } from '../auth/principal';
import { TenantsService } from '../tenants/tenants.service';

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

@Injectable()
export class SlicesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Validated completely before anything is written, then written in one transaction. */
  async upload(
    principal: Principal,
    tenantRef: string,
    name: string,
    file: UploadedFile | undefined,
  ) {
    const tenant = await this.ownTenant(principal, tenantRef);
    if (!file)
      throw invalid('send the slice as a multipart file field named "file"', [
        { field: 'file', reason: 'missing' },
      ]);
    let parsed;
    try {
      parsed = await parseSliceUpload(
        { filename: file.originalname, contentType: file.mimetype, data: file.buffer },
        {
          ...(this.config.LASTMILE_SLICE_LIMITS as Partial<SliceLimits>),
          maxBytes: this.config.LASTMILE_MAX_UPLOAD_BYTES,
          maxItems: this.config.LASTMILE_MAX_SLICE_ITEMS,
          maxAudioSeconds: this.config.LASTMILE_MAX_AUDIO_SECONDS,
        },
      );
    } catch (error) {
      if (error instanceof SliceValidationError) {
        throw new ProblemException(422, 'Unprocessable Content', error.message, [
          ...error.problems,
        ]);
      }
      throw error;
    }
    return this.dataSource.transaction(async (manager) => {
      const { slice, created } = await storeSlice(manager, tenant.id, name, parsed);
      if (created) {
        await this.audit.record(
          principal,
          'upload',
          'slice',
          slice.id,
          { name, version: slice.version, items: slice.itemCount },
          manager,
        );
      }
      return { ...slice, created };
    });
  }

  async list(principal: Principal, tenantRef: string): Promise<Slice[]> {
    const tenant = await this.ownTenant(principal, tenantRef);
    return this.dataSource
      .getRepository(Slice)
      .find({ where: { tenantId: tenant.id }, order: { name: 'ASC', version: 'DESC' } });
  }

  async get(principal: Principal, tenantRef: string, id: string): Promise<Slice> {
    const tenant = await this.ownTenant(principal, tenantRef);
    const slice = await this.dataSource.getRepository(Slice).findOneBy({ id, tenantId: tenant.id });
    if (!slice) throw notFound('slice', id);
    return slice;
  }

  /** Items without audio bytes, a page at a time. */
  async items(principal: Principal, tenantRef: string, id: string, after: number, limit: number) {
    const slice = await this.get(principal, tenantRef, id);
    const rows = await this.dataSource
      .getRepository(SliceItem)
      .createQueryBuilder('item')
      .select([
        'item.itemKey',
        'item.ordinal',
        'item.input',
        'item.references',
        'item.label',
        'item.attributes',
        'item.audioMime',
        'item.audioMs',
      ])
      .where('item.slice_id = :id AND item.ordinal > :after', { id: slice.id, after })
      .orderBy('item.ordinal')
      .limit(limit)
      .getMany();
    return rows.map(
      ({ itemKey, ordinal, input, references, label, attributes, audioMime, audioMs }) => ({
        id: itemKey,
        ordinal,
        input,
        references,
        label,
        attributes,
        audio: audioMime ? { mimeType: audioMime, durationMs: audioMs } : null,
      }),
    );
  }

  /** A customer key works on its own tenant only; others are told it does not exist. */
  private async ownTenant(principal: Principal, tenantRef: string) {
    const tenant = await this.tenants.find(tenantRef);
    if (principal.role === 'customer' && principal.tenantId !== tenant.id)
      throw notFound('tenant', tenantRef);
    return tenant;
  }
}
